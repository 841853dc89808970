"use client";
/**
 * The frame around every signed-in page: who is signed in (organisation, role), the report year (in
 * the URL), the language, sign-out and the navigation. The sign-in page gets no frame.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Building2, ClipboardList, FileUp, LayoutDashboard, LogOut, Settings, Sigma } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, Suspense } from "react";
import { NativeSelect } from "@/components/ui/input";
import { ErrorState, Loading } from "@/components/ui/states";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import { type MessageKey, setLang, useLang, useT } from "@/lib/i18n";
import { CAN, useMe } from "@/lib/session";
import { labelOf, ROLE_LABELS } from "@/lib/status";
import { selectableYears, useSetSearchParams, useYear, withYear } from "@/lib/year";
import { useTRPC } from "@/trpc/client";
import type { Role } from "@/trpc/types";

interface NavItem {
  href: string;
  label: MessageKey;
  icon: typeof LayoutDashboard;
  show: (role: Role) => boolean;
}

const NAV: readonly NavItem[] = [
  { href: "/", label: "nav.home", icon: LayoutDashboard, show: () => true },
  { href: "/board", label: "nav.board", icon: ClipboardList, show: (role) => role !== "editor" },
  { href: "/import", label: "nav.import", icon: FileUp, show: CAN.import },
  { href: "/rollup", label: "nav.rollup", icon: Sigma, show: (role) => role !== "editor" },
  { href: "/admin", label: "nav.admin", icon: Settings, show: CAN.administer },
];

export function AppShell({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  if (pathname.startsWith("/login")) return <>{children}</>;
  return (
    <Suspense fallback={<Loading />}>
      <SignedInFrame>{children}</SignedInFrame>
    </Suspense>
  );
}

function SignedInFrame({ children }: { children: ReactNode }) {
  const t = useT();
  const me = useMe();
  if (!me.data) {
    // A signed-out visitor is redirected by the query client; anything else is shown with a retry.
    return me.error ? <ShellError error={me.error} onRetry={() => void me.refetch()} /> : <Loading />;
  }
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("shell.skip")}
      </a>
      <Header />
      <main id="main" className="mx-auto w-full max-w-[1600px] flex-1 px-4 py-4">
        {children}
      </main>
    </div>
  );
}

function ShellError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="mx-auto max-w-xl pt-16">
      <ErrorState error={error} onRetry={onRetry} />
    </div>
  );
}

function Header() {
  const t = useT();
  const lang = useLang();
  const me = useMe().data!;
  const pathname = usePathname();
  const year = useYear();
  const setParams = useSetSearchParams();

  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-12 max-w-[1600px] items-center gap-4 px-4">
        <Link href={withYear("/", year)} className="flex items-center gap-2 font-semibold text-brand-700">
          <Building2 aria-hidden className="size-5" />
          <span>{t("app.short")}</span>
        </Link>
        <nav aria-label={lang === "zh" ? "主导航" : "Main"} className="flex items-center gap-1">
          {NAV.filter((item) => item.show(me.role)).map((item) => {
            const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
            const Icon = item.icon;
            return (
              <Link
                key={item.href}
                href={withYear(item.href, year)}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm",
                  active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100",
                )}
              >
                <Icon aria-hidden className="size-4" />
                {t(item.label)}
              </Link>
            );
          })}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <label className="flex items-center gap-1.5 whitespace-nowrap text-slate-600">
            {t("shell.year")}
            <NativeSelect className="h-8 w-24" value={year} onChange={(e) => setParams({ year: e.target.value }, "push")}>
              {selectableYears().map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </NativeSelect>
          </label>
          <div className="flex flex-col items-end leading-tight" title={`${me.displayName} · ${me.org.name}`}>
            <span className="max-w-56 truncate font-medium text-slate-800">{me.org.name}</span>
            <span className="flex items-center gap-1 text-xs text-slate-500">
              {me.displayName}
              <Badge tone="blue">{labelOf(ROLE_LABELS, me.role, lang)}</Badge>
            </span>
          </div>
          <LanguageSwitch />
          <SignOut />
        </div>
      </div>
    </header>
  );
}

function LanguageSwitch() {
  const t = useT();
  const lang = useLang();
  const queryClient = useQueryClient();
  const other = lang === "zh" ? "en" : "zh";
  return (
    <button
      type="button"
      className="rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100"
      onClick={() => {
        setLang(other);
        // Findings and messages from the API are in the language asked for: ask again.
        void queryClient.invalidateQueries();
      }}
      lang={other === "en" ? "en" : "zh-CN"}
    >
      {t("shell.language")}
    </button>
  );
}

function SignOut() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: () => {
        // Nothing of this account stays in the tab.
        queryClient.clear();
        window.location.assign("/login");
      },
    }),
  );
  return (
    <button
      type="button"
      onClick={() => logout.mutate()}
      disabled={logout.isPending}
      className="flex items-center gap-1 rounded px-2 py-1 text-slate-600 hover:bg-slate-100"
    >
      <LogOut aria-hidden className="size-4" />
      {t("shell.signOut")}
    </button>
  );
}
