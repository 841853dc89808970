"use client";
/** 系统管理 (admins only): organisations, users and roles, API tokens, webhooks, the audit log. Tab in the URL. */
import { useSearchParams } from "next/navigation";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useT } from "@/lib/i18n";
import { CAN, useMe } from "@/lib/session";
import { useSetSearchParams } from "@/lib/year";
import { AuditLog } from "./audit";
import { OrgTree } from "./orgs";
import { TokenList } from "./tokens";
import { UserList } from "./users";
import { WebhookList } from "./webhooks";

const TABS = ["orgs", "users", "tokens", "webhooks", "audit"] as const;

export default function AdminPage() {
  const t = useT();
  const me = useMe().data!;
  const requested = useSearchParams().get("tab");
  const tab = (TABS as readonly string[]).includes(requested ?? "") ? requested! : "orgs";
  const setParams = useSetSearchParams();
  if (!CAN.administer(me.role)) return <p className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-800">{t("admin.forbidden")}</p>;
  return (
    <div>
      <h1 className="mb-3 text-xl font-semibold">{t("admin.title")}</h1>
      <Tabs value={tab} onValueChange={(value) => setParams({ tab: value })}>
        <TabsList>
          <TabsTrigger value="orgs">{t("admin.orgs")}</TabsTrigger>
          <TabsTrigger value="users">{t("admin.users")}</TabsTrigger>
          <TabsTrigger value="tokens">{t("admin.tokens")}</TabsTrigger>
          <TabsTrigger value="webhooks">{t("admin.webhooks")}</TabsTrigger>
          <TabsTrigger value="audit">{t("admin.audit")}</TabsTrigger>
        </TabsList>
        <TabsContent value="orgs">
          <OrgTree />
        </TabsContent>
        <TabsContent value="users">
          <UserList />
        </TabsContent>
        <TabsContent value="tokens">
          <TokenList />
        </TabsContent>
        <TabsContent value="webhooks">
          <WebhookList />
        </TabsContent>
        <TabsContent value="audit">
          <AuditLog />
        </TabsContent>
      </Tabs>
    </div>
  );
}
