"use client";
/** Accounts of the subtree: add one, change role or organisation, disable, set a password. */
import type { Lang } from "@nianbao/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Field, FormDialog, submitsWith } from "@/components/form-dialog";
import { OrgSelect } from "@/components/org-select";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input, NativeSelect } from "@/components/ui/input";
import type { Column } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { type Translate, useLang, useT } from "@/lib/i18n";
import { useMe } from "@/lib/session";
import { labelOf, ROLE_LABELS } from "@/lib/status";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { useRefresh } from "@/trpc/refresh";
import type { Role, RouterOutputs } from "@/trpc/types";
import { RecordList } from "./record-list";

type User = RouterOutputs["users"]["list"][number];
type Dialogs = { kind: "create" } | { kind: "edit" | "password"; user: User };
const ROLES = Object.keys(ROLE_LABELS) as Role[];

/** Whom an account or a token acts for and with which rights: its organisation and its role. */
export function GrantFields({
  idPrefix,
  orgId,
  onOrg,
  role,
  onRole,
}: {
  idPrefix: string;
  orgId: string;
  onOrg: (orgId: string) => void;
  role: Role;
  onRole: (role: Role) => void;
}) {
  const t = useT();
  return (
    <>
      <Field id={`${idPrefix}-org`} label={t("user.org")}>
        <OrgSelect id={`${idPrefix}-org`} value={orgId} onChange={onOrg} />
      </Field>
      <Field id={`${idPrefix}-role`} label={t("user.role")}>
        <RoleSelect id={`${idPrefix}-role`} value={role} onChange={onRole} />
      </Field>
    </>
  );
}

function RoleSelect({ id, value, onChange }: { id: string; value: Role; onChange: (role: Role) => void }) {
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

function userColumns(t: Translate, lang: Lang, open: (dialog: Dialogs) => void): Column<User>[] {
  return [
    { header: t("user.displayName"), className: "font-medium", cell: (user) => user.displayName },
    { header: t("user.username"), className: "font-mono text-xs", cell: (user) => user.username },
    { header: t("user.org"), cell: (user) => user.orgName },
    { header: t("user.role"), cell: (user) => labelOf(ROLE_LABELS, user.role, lang) },
    {
      header: t("user.status"),
      cell: (user) => (user.disabled ? <Badge tone="red">{t("user.disabled")}</Badge> : <Badge tone="green">{t("user.active")}</Badge>),
    },
    {
      header: t("org.edit"),
      hideHeader: true,
      className: "text-right whitespace-nowrap",
      cell: (user) => (
        <>
          <RowButton label={t("org.edit")} of={user.displayName} onClick={() => open({ kind: "edit", user })} />
          <RowButton label={t("user.setPassword")} of={user.displayName} onClick={() => open({ kind: "password", user })} />
        </>
      ),
    },
  ];
}

export function UserList() {
  const t = useT();
  const lang = useLang();
  const trpc = useTRPC();
  const me = useMe().data!;
  const users = useQuery(trpc.users.list.queryOptions({}));
  const [dialog, setDialog] = useState<Dialogs | null>(null);
  return (
    <RecordList
      title={t("admin.users")}
      addLabel={t("user.add")}
      onAdd={() => setDialog({ kind: "create" })}
      query={users}
      empty={t("user.none")}
      columns={userColumns(t, lang, setDialog)}
      retired={(user) => user.disabled}
    >
      {dialog?.kind === "create" && <UserDialog defaultOrg={me.org.id} onClose={() => setDialog(null)} />}
      {dialog?.kind === "edit" && <UserDialog user={dialog.user} defaultOrg={dialog.user.orgId} onClose={() => setDialog(null)} />}
      {dialog?.kind === "password" && <PasswordDialog user={dialog.user} onClose={() => setDialog(null)} />}
    </RecordList>
  );
}

function UserDialog({ user, defaultOrg, onClose }: { user?: User; defaultOrg: string; onClose: () => void }) {
  const t = useT();
  const client = useTRPCClient();
  const toast = useToast();
  const refresh = useRefresh();
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
      await refresh("users");
      onClose();
    },
  });
  return (
    <FormDialog
      title={user ? `${t("org.edit")}：${user.displayName}` : t("user.add")}
      onClose={onClose}
      {...submitsWith(save)}
      submitLabel={t("common.save")}
    >
      {!user && (
        <Field id="user-username" label={t("user.username")}>
          <Input
            id="user-username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
            minLength={2}
            maxLength={64}
            autoComplete="off"
          />
        </Field>
      )}
      <Field id="user-name" label={t("user.displayName")}>
        <Input id="user-name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required maxLength={100} />
      </Field>
      <GrantFields idPrefix="user" orgId={orgId} onOrg={setOrgId} role={role} onRole={setRole} />
      {!user && <PasswordField id="user-password" label={t("user.password")} value={password} onChange={setPassword} />}
      {user && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="size-4" checked={disabled} onChange={(e) => setDisabled(e.target.checked)} />
          {t("user.disable")}
        </label>
      )}
    </FormDialog>
  );
}

function PasswordField({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (password: string) => void }) {
  const t = useT();
  return (
    <Field id={id} label={label} hint={t("user.passwordHint")}>
      <Input
        id={id}
        type="password"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
        minLength={8}
        autoComplete="new-password"
        aria-describedby={`${id}-hint`}
      />
    </Field>
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
    <FormDialog
      title={`${t("user.setPassword")}：${user.displayName}`}
      onClose={onClose}
      {...submitsWith(save)}
      submitLabel={t("user.setPassword")}
    >
      <PasswordField id="user-new-password" label={t("user.newPassword")} value={password} onChange={setPassword} />
    </FormDialog>
  );
}

/** A row's action button; screen readers hear whose row it acts on. */
function RowButton({ label, of, onClick }: { label: string; of: string; onClick: () => void }) {
  return (
    <Button variant="ghost" size="sm" onClick={onClick} aria-label={`${label} ${of}`}>
      {label}
    </Button>
  );
}
