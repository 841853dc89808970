"use client";
/** API tokens: create (the secret is shown once), list, revoke. */
import type { Lang } from "@nianbao/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Field, FormDialog, submitsWith } from "@/components/form-dialog";
import { useCreatedSecret } from "@/components/secret-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { Column } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { type Translate, useLang, useT } from "@/lib/i18n";
import { useMe } from "@/lib/session";
import { labelOf, ROLE_LABELS } from "@/lib/status";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { errorMessage } from "@/trpc/errors";
import { useRefresh } from "@/trpc/refresh";
import type { Role, RouterOutputs } from "@/trpc/types";
import { RecordList } from "./record-list";
import { GrantFields } from "./users";

type Token = RouterOutputs["tokens"]["list"][number];

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);

function tokenColumns(t: Translate, lang: Lang, revokeButton: (token: Token) => ReactNode): Column<Token>[] {
  return [
    { header: t("token.name"), className: "font-medium", cell: (token) => token.name },
    { header: t("user.org"), cell: (token) => token.orgName },
    { header: t("user.role"), cell: (token) => labelOf(ROLE_LABELS, token.role, lang) },
    { header: t("token.created"), className: "tabular", cell: (token) => day(token.createdAt) },
    { header: t("token.expiresAt"), className: "tabular", cell: (token) => day(token.expiresAt) ?? t("token.noExpiry") },
    { header: t("token.lastUsed"), className: "tabular", cell: (token) => day(token.lastUsedAt) ?? t("token.never") },
    {
      header: t("token.revoke"),
      hideHeader: true,
      className: "text-right",
      cell: (token) => (token.revokedAt ? <Badge tone="gray">{t("token.revoked")}</Badge> : revokeButton(token)),
    },
  ];
}

export function TokenList() {
  const t = useT();
  const lang = useLang();
  const trpc = useTRPC();
  const tokens = useQuery(trpc.tokens.list.queryOptions({}));
  const revokeButton = useRevokeButton();
  const created = useCreatedSecret({ title: t("token.secretTitle"), description: t("token.secretText") });
  return (
    <RecordList
      title={t("admin.tokens")}
      addLabel={t("token.add")}
      onAdd={created.start}
      query={tokens}
      empty={t("token.none")}
      columns={tokenColumns(t, lang, revokeButton)}
      retired={(token) => Boolean(token.revokedAt)}
    >
      {created.creating && <CreateTokenDialog {...created.dialogProps} />}
      {created.secretDialog}
    </RecordList>
  );
}

/** The revoke button of a token's row, after a confirmation; one revocation at a time. */
function useRevokeButton(): (token: Token) => ReactNode {
  const t = useT();
  const client = useTRPCClient();
  const toast = useToast();
  const refresh = useRefresh();
  const revoke = useMutation({
    mutationFn: (token: Token) => client.tokens.revoke.mutate({ id: token.id }),
    onSuccess: () => refresh("tokens"),
    onError: (error) => toast(errorMessage(error), "error"),
  });
  return (token) => (
    <Button
      variant="ghost"
      size="sm"
      className="text-red-700"
      disabled={revoke.isPending}
      onClick={() => window.confirm(t("token.revokeConfirm", { name: token.name })) && revoke.mutate(token)}
    >
      {t("token.revoke")}
    </Button>
  );
}

function CreateTokenDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (secret: string) => void }) {
  const t = useT();
  const client = useTRPCClient();
  const refresh = useRefresh();
  const me = useMe().data!;
  const [name, setName] = useState("");
  const [orgId, setOrgId] = useState(me.org.id);
  const [role, setRole] = useState<Role>("viewer");
  const [days, setDays] = useState("");
  const create = useMutation({
    mutationFn: () => client.tokens.create.mutate({ orgId, name, role, ...(days ? { expiresInDays: Number(days) } : {}) }),
    onSuccess: async (result) => {
      await refresh("tokens");
      onCreated(result.token);
    },
  });
  return (
    <FormDialog title={t("token.add")} onClose={onClose} {...submitsWith(create)} submitLabel={t("token.add")}>
      <Field id="token-name" label={t("token.name")}>
        <Input id="token-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
      </Field>
      <GrantFields idPrefix="token" orgId={orgId} onOrg={setOrgId} role={role} onRole={setRole} />
      <Field id="token-days" label={t("token.expires")}>
        <Input
          id="token-days"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          value={days}
          onChange={(e) => setDays(e.target.value)}
        />
      </Field>
    </FormDialog>
  );
}
