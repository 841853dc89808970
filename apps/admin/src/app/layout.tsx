import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { ToastProvider } from "@/components/ui/toast";
import { TRPCReactProvider } from "@/trpc/client";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "政府信息公开工作年度报告", template: "%s · 年报" },
  description: "填报、校验、审核、汇总和发布政府信息公开工作年度报告",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen antialiased">
        <TRPCReactProvider>
          <ToastProvider>
            <AppShell>{children}</AppShell>
          </ToastProvider>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
