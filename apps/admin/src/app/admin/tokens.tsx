"use client";
/** API tokens: create (the secret is shown once), list, revoke. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { QueryView } from "@/components/ui/states";
import { DataTable, Td, Th } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { useLang, useT } from "@/lib/i18n";
import { useMe } from "@/lib/session";
import { labelOf, ROLE_LABELS } from "@/lib/status";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { errorMessage } from "@/trpc/errors";
import type { Role, RouterOutputs } from "@/trpc/types";
import { FormError } from "./form-error";
import { OrgSelect, RoleSelect } from "./users";

type Token = RouterOutputs["tokens"]["list"][number];

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);

export function TokenList() {
  const t = useT();
  const lang = useLang();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const toast = useToast();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.tokens.list.queryOptions({}));
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (token: Token) => client.tokens.revoke.mutate({ id: token.id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.tokens.pathKey() }),
    onError: (error) => toast(errorMessage(error), "error"),
  });
  return (
    <Card>
      <CardHeader title={t("admin.tokens")} actions={<Button onClick={() => setCreating(true)}>{t("token.add")}</Button>} />
      <QueryView query={tokens} isEmpty={(list) => list.length === 0} empty={t("token.none")}>
        {(list) => (
          <DataTable>
            <thead>
              <tr>
                <Th>{t("token.name")}</Th>
                <Th>{t("user.org")}</Th>
                <Th>{t("user.role")}</Th>
                <Th>{t("token.created")}</Th>
                <Th>{t("token.expiresAt")}</Th>
                <Th>{t("token.lastUsed")}</Th>
                <Th>
                  <span className="sr-only">{t("token.revoke")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {list.map((token) => (
                <tr key={token.id} className={token.revokedAt ? "text-slate-400" : undefined}>
                  <Td className="font-medium">{token.name}</Td>
                  <Td>{token.orgName}</Td>
                  <Td>{labelOf(ROLE_LABELS, token.role, lang)}</Td>
                  <Td className="tabular">{day(token.createdAt)}</Td>
                  <Td className="tabular">{day(token.expiresAt) ?? t("token.noExpiry")}</Td>
                  <Td className="tabular">{day(token.lastUsedAt) ?? t("token.never")}</Td>
                  <Td className="text-right">
                    {token.revokedAt ? (
                      <Badge tone="gray">{t("token.revoked")}</Badge>
                    ) : (
                      <Button
                        variant="ghost"
                        size="sm"
                        className="text-red-700"
                        disabled={revoke.isPending}
                        onClick={() => window.confirm(t("token.revokeConfirm", { name: token.name })) && revoke.mutate(token)}
                      >
                        {t("token.revoke")}
                      </Button>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </QueryView>
      {creating && (
        <CreateTokenDialog
          onClose={() => setCreating(false)}
          onCreated={(value) => {
            setCreating(false);
            setSecret(value);
          }}
        />
      )}
      {secret && <SecretDialog secret={secret} onClose={() => setSecret(null)} />}
    </Card>
  );
}

function CreateTokenDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (secret: string) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const me = useMe().data!;
  const [name, setName] = useState("");
  const [orgId, setOrgId] = useState(me.org.id);
  const [role, setRole] = useState<Role>("viewer");
  const [days, setDays] = useState("");
  const create = useMutation({
    mutationFn: () => client.tokens.create.mutate({ orgId, name, role, ...(days ? { expiresInDays: Number(days) } : {}) }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: trpc.tokens.pathKey() });
      onCreated(result.token);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t("token.add")}>
      <form onSubmit={submit} className="space-y-3">
        <div>
          <Label htmlFor="token-name">{t("token.name")}</Label>
          <Input id="token-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        </div>
        <div>
          <Label htmlFor="token-org">{t("user.org")}</Label>
          <OrgSelect id="token-org" value={orgId} onChange={setOrgId} />
        </div>
        <div>
          <Label htmlFor="token-role">{t("user.role")}</Label>
          <RoleSelect id="token-role" value={role} onChange={setRole} />
        </div>
        <div>
          <Label htmlFor="token-days">{t("token.expires")}</Label>
          <Input id="token-days" type="number" inputMode="numeric" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} />
        </div>
        <FormError error={create.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={create.isPending}>
            {t("token.add")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function SecretDialog({ secret, onClose }: { secret: string; onClose: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t("token.secretTitle")} description={t("token.secretText")}>
      <div className="flex gap-2">
        <Input readOnly value={secret} aria-label={t("token.secretTitle")} className="font-mono text-xs" onFocus={(e) => e.target.select()} />
        <Button
          variant="secondary"
          onClick={() =>
            void navigator.clipboard?.writeText(secret).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t("token.copied") : t("token.copy")}
        </Button>
      </div>
      <div className="mt-4 flex justify-end">
        <Button onClick={onClose}>{t("common.close")}</Button>
      </div>
    </Dialog>
  );
}
