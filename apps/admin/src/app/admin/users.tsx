"use client";
/** Accounts of the subtree: add one, change role or organisation, disable, set a password. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Input, Label, NativeSelect } from "@/components/ui/input";
import { QueryView } from "@/components/ui/states";
import { DataTable, Td, Th } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { useLang, useT } from "@/lib/i18n";
import { flattenOrgs, indented } from "@/lib/orgs";
import { useMe } from "@/lib/session";
import { labelOf, ROLE_LABELS } from "@/lib/status";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import type { Role, RouterOutputs } from "@/trpc/types";
import { FormError } from "./form-error";

type User = RouterOutputs["users"]["list"][number];
export const ROLES = Object.keys(ROLE_LABELS) as Role[];

export function RoleSelect({ id, value, onChange }: { id: string; value: Role; onChange: (role: Role) => void }) {
  const lang = useLang();
  return (
    <NativeSelect id={id} value={value} onChange={(e) => onChange(e.target.value as Role)}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {labelOf(ROLE_LABELS, role, lang)}
        </option>
      ))}
    </NativeSelect>
  );
}

export function OrgSelect({ id, value, onChange }: { id: string; value: string; onChange: (orgId: string) => void }) {
  const trpc = useTRPC();
  const tree = useQuery(trpc.orgs.tree.queryOptions({}));
  const orgs = tree.data ? flattenOrgs(tree.data) : [];
  return (
    <NativeSelect id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={!tree.data}>
      {orgs.map((org) => (
        <option key={org.id} value={org.id}>
          {indented(org)}
        </option>
      ))}
    </NativeSelect>
  );
}

export function UserList() {
  const t = useT();
  const lang = useLang();
  const trpc = useTRPC();
  const me = useMe().data!;
  const users = useQuery(trpc.users.list.queryOptions({}));
  const [dialog, setDialog] = useState<{ kind: "create" } | { kind: "edit" | "password"; user: User } | null>(null);
  return (
    <Card>
      <CardHeader title={t("admin.users")} actions={<Button onClick={() => setDialog({ kind: "create" })}>{t("user.add")}</Button>} />
      <QueryView query={users} isEmpty={(list) => list.length === 0} empty={t("user.none")}>
        {(list) => (
          <DataTable>
            <thead>
              <tr>
                <Th>{t("user.displayName")}</Th>
                <Th>{t("user.username")}</Th>
                <Th>{t("user.org")}</Th>
                <Th>{t("user.role")}</Th>
                <Th>{t("user.status")}</Th>
                <Th>
                  <span className="sr-only">{t("org.edit")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {list.map((user) => (
                <tr key={user.id} className={user.disabled ? "text-slate-400" : undefined}>
                  <Td className="font-medium">{user.displayName}</Td>
                  <Td className="font-mono text-xs">{user.username}</Td>
                  <Td>{user.orgName}</Td>
                  <Td>{labelOf(ROLE_LABELS, user.role, lang)}</Td>
                  <Td>{user.disabled ? <Badge tone="red">{t("user.disabled")}</Badge> : <Badge tone="green">{t("user.active")}</Badge>}</Td>
                  <Td className="text-right whitespace-nowrap">
                    <Button variant="ghost" size="sm" onClick={() => setDialog({ kind: "edit", user })} aria-label={`${t("org.edit")} ${user.displayName}`}>
                      {t("org.edit")}
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => setDialog({ kind: "password", user })} aria-label={`${t("user.setPassword")} ${user.displayName}`}>
                      {t("user.setPassword")}
                    </Button>
                  </Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </QueryView>
      {dialog?.kind === "create" && <UserDialog defaultOrg={me.org.id} onClose={() => setDialog(null)} />}
      {dialog?.kind === "edit" && <UserDialog user={dialog.user} defaultOrg={dialog.user.orgId} onClose={() => setDialog(null)} />}
      {dialog?.kind === "password" && <PasswordDialog user={dialog.user} onClose={() => setDialog(null)} />}
    </Card>
  );
}

function UserDialog({ user, defaultOrg, onClose }: { user?: User; defaultOrg: string; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState(user?.username ?? "");
  const [displayName, setDisplayName] = useState(user?.displayName ?? "");
  const [role, setRole] = useState<Role>(user?.role ?? "editor");
  const [orgId, setOrgId] = useState(defaultOrg);
  const [password, setPassword] = useState("");
  const [disabled, setDisabled] = useState(user?.disabled ?? false);
  const save = useMutation({
    mutationFn: () =>
      user
        ? client.users.update.mutate({ id: user.id, displayName, role, orgId, disabled })
        : client.users.create.mutate({ orgId, username: username.trim(), displayName, role, password }),
    onSuccess: async (saved) => {
      toast(user ? t("user.saved", { name: saved.displayName }) : t("user.created", { name: saved.displayName }));
      await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={user ? `${t("org.edit")}：${user.displayName}` : t("user.add")}>
      <form onSubmit={submit} className="space-y-3">
        {!user && (
          <div>
            <Label htmlFor="user-username">{t("user.username")}</Label>
            <Input id="user-username" value={username} onChange={(e) => setUsername(e.target.value)} required minLength={2} maxLength={64} autoComplete="off" />
          </div>
        )}
        <div>
          <Label htmlFor="user-name">{t("user.displayName")}</Label>
          <Input id="user-name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required maxLength={100} />
        </div>
        <div>
          <Label htmlFor="user-org">{t("user.org")}</Label>
          <OrgSelect id="user-org" value={orgId} onChange={setOrgId} />
        </div>
        <div>
          <Label htmlFor="user-role">{t("user.role")}</Label>
          <RoleSelect id="user-role" value={role} onChange={setRole} />
        </div>
        {!user && (
          <div>
            <Label htmlFor="user-password">{t("user.password")}</Label>
            <Input id="user-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} required minLength={8} autoComplete="new-password" aria-describedby="user-password-hint" />
            <p id="user-password-hint" className="mt-1 text-xs text-slate-500">
              {t("user.passwordHint")}
            </p>
          </div>
        )}
        {user && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4" checked={disabled} onChange={(e) => setDisabled(e.target.checked)} />
            {t("user.disable")}
          </label>
        )}
        <FormError error={save.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={save.isPending}>
            {t("common.save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function PasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const client = useTRPCClient();
  const toast = useToast();
  const [password, setPassword] = useState("");
  const save = useMutation({
    mutationFn: () => client.users.setPassword.mutate({ id: user.id, password }),
    onSuccess: () => {
      toast(t("user.passwordSet", { name: user.displayName }));
      onClose();
    },
  });
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`${t("user.setPassword")}：${user.displayName}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        className="space-y-3"
      >
        <div>
          <Label htmlFor="user-new-password">{t("user.newPassword")}</Label>
          <Input id="user-new-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} required minLength={8} autoComplete="new-password" aria-describedby="user-new-password-hint" />
          <p id="user-new-password-hint" className="mt-1 text-xs text-slate-500">
            {t("user.passwordHint")}
          </p>
        </div>
        <FormError error={save.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={save.isPending}>
            {t("user.setPassword")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
