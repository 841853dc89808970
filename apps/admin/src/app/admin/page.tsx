"use client";
/** 系统管理 (admins only): organisations, users and roles, API tokens, webhooks, the audit log. Tab in the URL. */
import { useSearchParams } from "next/navigation";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { ReactNode } from "react";
import { type MessageKey, useT } from "@/lib/i18n";
import { CAN, useMe } from "@/lib/session";
import { useSetSearchParams } from "@/lib/year";
import { AuditLog } from "./audit";
import { OrgTree } from "./orgs";
import { TokenList } from "./tokens";
import { UserList } from "./users";
import { WebhookList } from "./webhooks";

const TABS: readonly { value: string; label: MessageKey; Panel: () => ReactNode }[] = [
  { value: "orgs", label: "admin.orgs", Panel: OrgTree },
  { value: "users", label: "admin.users", Panel: UserList },
  { value: "tokens", label: "admin.tokens", Panel: TokenList },
  { value: "webhooks", label: "admin.webhooks", Panel: WebhookList },
  { value: "audit", label: "admin.audit", Panel: AuditLog },
];

export default function AdminPage() {
  const t = useT();
  const me = useMe().data!;
  const requested = useSearchParams().get("tab");
  const tab = TABS.some((entry) => entry.value === requested) ? requested! : "orgs";
  const setParams = useSetSearchParams();
  if (!CAN.administer(me.role)) return <p className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-800">{t("admin.forbidden")}</p>;
  return (
    <div>
      <h1 className="mb-3 text-xl font-semibold">{t("admin.title")}</h1>
      <Tabs value={tab} onValueChange={(value) => setParams({ tab: value })}>
        <TabsList>
          {TABS.map(({ value, label }) => (
            <TabsTrigger key={value} value={value}>
              {t(label)}
            </TabsTrigger>
          ))}
        </TabsList>
        {TABS.map(({ value, Panel }) => (
          <TabsContent key={value} value={value}>
            <Panel />
          </TabsContent>
        ))}
      </Tabs>
    </div>
  );
}
