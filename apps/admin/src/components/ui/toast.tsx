"use client";
/** Short confirmations ("已退回") in a polite live region; errors stay on the page where they happened. */
import { Toast as T } from "radix-ui";
import { createContext, type ReactNode, useCallback, useContext, useState } from "react";
import { cn } from "@/lib/cn";
import { useT } from "@/lib/i18n";

interface ToastItem {
  id: number;
  text: string;
  tone: "success" | "error";
}
const ToastContext = createContext<(text: string, tone?: ToastItem["tone"]) => void>(() => {});

export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [items, setItems] = useState<ToastItem[]>([]);
  const show = useCallback((text: string, tone: ToastItem["tone"] = "success") => {
    setItems((list) => [...list, { id: Date.now() + Math.random(), text, tone }]);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      <T.Provider duration={5000}>
        {children}
        {items.map((item) => (
          <T.Root
            key={item.id}
            onOpenChange={(open) => !open && setItems((list) => list.filter((i) => i.id !== item.id))}
            className={cn(
              "rounded-md px-4 py-3 text-sm shadow-lg",
              item.tone === "success" ? "bg-slate-900 text-white" : "bg-red-700 text-white",
            )}
          >
            <T.Description>{item.text}</T.Description>
          </T.Root>
        ))}
        {/* Alt+T, not radix's default F8: in the report editor F8 jumps to the next finding. */}
        <T.Viewport
          hotkey={["altKey", "KeyT"]}
          label={t("toast.region")}
          className="fixed right-4 bottom-4 z-50 flex w-80 flex-col gap-2"
        />
      </T.Provider>
    </ToastContext.Provider>
  );
}

export function useToast() {
  return useContext(ToastContext);
}
