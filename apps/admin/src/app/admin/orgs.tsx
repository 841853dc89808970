"use client";
/** The organisation tree: add an organisation below any node, rename or re-classify one. */
import { useMutation, useQuery } from "@tanstack/react-query";
import { Pencil, Plus } from "lucide-react";
import { useState } from "react";
import { Field, FormDialog } from "@/components/form-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, NativeSelect } from "@/components/ui/input";
import { QueryView } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { useLang, useT } from "@/lib/i18n";
import type { OrgNode } from "@/lib/orgs";
import { labelOf, ORG_KIND_LABELS } from "@/lib/status";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { useRefresh } from "@/trpc/refresh";

type Editing = { mode: "create"; parent: OrgNode } | { mode: "edit"; org: OrgNode };

export function OrgTree() {
  const trpc = useTRPC();
  const tree = useQuery(trpc.orgs.tree.queryOptions({}));
  const [editing, setEditing] = useState<Editing | null>(null);
  return (
    <Card>
      <QueryView query={tree}>
        {(root) => (
          <ul role="tree" className="p-3">
            <OrgItem node={root} depth={0} onEdit={setEditing} />
          </ul>
        )}
      </QueryView>
      {editing && <OrgDialog editing={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function OrgItem({ node, depth, onEdit }: { node: OrgNode; depth: number; onEdit: (e: Editing) => void }) {
  const t = useT();
  const lang = useLang();
  return (
    <li role="treeitem" aria-expanded={node.children.length ? true : undefined} aria-selected={false}>
      <div className="flex items-center gap-2 rounded px-2 py-1.5 hover:bg-slate-50" style={{ paddingLeft: `${depth * 1.5 + 0.5}rem` }}>
        <span className="font-medium">{node.name}</span>
        <Badge tone={node.kind === "government" ? "violet" : "gray"}>{labelOf(ORG_KIND_LABELS, node.kind, lang)}</Badge>
        {node.rulemaking && <Badge tone="blue">{t("org.rulemaking")}</Badge>}
        <span className="ml-auto flex gap-1">
          <Button
            variant="ghost"
            size="sm"
            onClick={() => onEdit({ mode: "edit", org: node })}
            aria-label={`${t("org.edit")} ${node.name}`}
          >
            <Pencil aria-hidden className="size-3.5" />
            {t("org.edit")}
          </Button>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => onEdit({ mode: "create", parent: node })}
            aria-label={`${t("org.addChild")}：${node.name}`}
          >
            <Plus aria-hidden className="size-3.5" />
            {t("org.addChild")}
          </Button>
        </span>
      </div>
      {node.children.length > 0 && (
        <ul role="group">
          {node.children.map((child) => (
            <OrgItem key={child.id} node={child} depth={depth + 1} onEdit={onEdit} />
          ))}
        </ul>
      )}
    </li>
  );
}

function OrgDialog({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const client = useTRPCClient();
  const toast = useToast();
  const refresh = useRefresh();
  const org = editing.mode === "edit" ? editing.org : null;
  const [name, setName] = useState(org?.name ?? "");
  const [kind, setKind] = useState<OrgNode["kind"]>(org?.kind ?? "department");
  const [rulemaking, setRulemaking] = useState(org?.rulemaking ?? false);
  const save = useMutation({
    mutationFn: () =>
      editing.mode === "edit"
        ? client.orgs.update.mutate({ orgId: editing.org.id, name, kind, rulemaking })
        : client.orgs.create.mutate({ parentId: editing.parent.id, name, kind, rulemaking }),
    onSuccess: async (saved) => {
      toast(editing.mode === "edit" ? t("org.updated", { name: saved.name }) : t("org.created", { name: saved.name }));
      await refresh("orgs", "stats");
      onClose();
    },
  });
  return (
    <FormDialog
      title={editing.mode === "edit" ? `${t("org.edit")}：${editing.org.name}` : t("org.addChild")}
      description={editing.mode === "create" ? `${t("org.parent")}：${editing.parent.name}` : undefined}
      onClose={onClose}
      onSubmit={() => save.mutate()}
      error={save.error}
      submitLabel={t("common.save")}
      submitDisabled={save.isPending || !name.trim()}
      className="space-y-4"
    >
      <Field id="org-name" label={t("org.name")}>
        <Input id="org-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoFocus />
      </Field>
      <Field id="org-kind" label={t("org.kind")}>
        <NativeSelect id="org-kind" value={kind} onChange={(e) => setKind(e.target.value as OrgNode["kind"])}>
          {(["department", "government"] as const).map((k) => (
            <option key={k} value={k}>
              {labelOf(ORG_KIND_LABELS, k, lang)}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4" checked={rulemaking} onChange={(e) => setRulemaking(e.target.checked)} />
        {t("org.rulemaking")}
      </label>
    </FormDialog>
  );
}
