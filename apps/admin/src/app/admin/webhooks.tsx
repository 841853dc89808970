"use client";
/** Webhooks: register a receiver (the secret is shown once), see its state and deliveries, pause, resume, delete. */
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@nianbao/core/webhooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useCallback, useState } from "react";
import { Field, FormDialog, submitsWith } from "@/components/form-dialog";
import { OrgSelect } from "@/components/org-select";
import { useCreatedSecret } from "@/components/secret-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { QueryView } from "@/components/ui/states";
import { type Column, DataTable } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { type MessageKey, type Translate, useT } from "@/lib/i18n";
import { useMe } from "@/lib/session";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { errorMessage } from "@/trpc/errors";
import type { RouterOutputs } from "@/trpc/types";

type Webhook = RouterOutputs["webhooks"]["list"][number];
type Delivery = RouterOutputs["webhooks"]["deliveries"][number];

const eventKey = (type: WebhookEventType) => `webhook.event.${type}` as MessageKey;
const time = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") : "—");

function StatusBadge({ webhook }: { webhook: Webhook }) {
  const t = useT();
  if (webhook.status === "active") return <Badge tone="green">{t("webhook.active")}</Badge>;
  return webhook.pausedReason === "failing" ? (
    <Badge tone="red">{t("webhook.pausedFailing")}</Badge>
  ) : (
    <Badge tone="gray">{t("webhook.pausedAdmin")}</Badge>
  );
}

function webhookColumns(t: Translate, actions: (webhook: Webhook) => ReactNode): Column<Webhook>[] {
  return [
    {
      header: t("webhook.url"),
      className: "max-w-72 truncate font-mono text-xs",
      title: (webhook) => webhook.url,
      cell: (webhook) => (
        <>
          {webhook.url}
          {webhook.description && <div className="font-sans text-slate-500">{webhook.description}</div>}
        </>
      ),
    },
    { header: t("user.org"), cell: (webhook) => webhook.orgName },
    { header: t("webhook.events"), className: "text-xs", cell: (webhook) => webhook.events.map((e) => t(eventKey(e))).join("、") },
    { header: t("webhook.status"), cell: (webhook) => <StatusBadge webhook={webhook} /> },
    { header: t("webhook.failures"), className: "tabular", cell: (webhook) => webhook.consecutiveFailures },
    { header: t("webhook.pending"), className: "tabular", cell: (webhook) => webhook.pendingDeliveries },
    { header: t("webhook.lastSuccess"), className: "tabular", cell: (webhook) => time(webhook.lastSuccessAt) },
    { header: t("webhook.log"), hideHeader: true, className: "space-x-1 text-right whitespace-nowrap", cell: actions },
  ];
}

function deliveryColumns(t: Translate): Column<Delivery>[] {
  return [
    { header: t("audit.at"), className: "tabular", cell: (a) => time(a.at) },
    {
      header: t("webhook.events"),
      className: "text-xs",
      cell: (a) => `${t(eventKey(a.eventType as WebhookEventType))} · ${t("webhook.attempt", { n: a.attempt })}`,
    },
    {
      header: t("webhook.answer"),
      className: "text-xs",
      cell: (a) => (
        <>
          <Badge tone={a.ok ? "green" : "red"}>{a.responseStatus ?? t("webhook.noAnswer")}</Badge> {a.responseExcerpt}
        </>
      ),
    },
    { header: t("webhook.duration"), className: "tabular", cell: (a) => a.durationMs },
  ];
}

/** After a change every cached answer about webhooks is stale (the list, its counts, the delivery logs). */
function useRefreshWebhooks(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: trpc.webhooks.pathKey() }), [trpc, queryClient]);
}

export function WebhookList() {
  const t = useT();
  const trpc = useTRPC();
  const webhooks = useQuery(trpc.webhooks.list.queryOptions({}));
  const created = useCreatedSecret({ title: t("webhook.secretTitle"), description: t("webhook.secretText") });
  const [logOf, setLogOf] = useState<Webhook | null>(null);
  const actions = useRowActions(setLogOf);
  return (
    <Card>
      <CardHeader title={t("admin.webhooks")} actions={<Button onClick={created.start}>{t("webhook.add")}</Button>} />
      <QueryView query={webhooks} isEmpty={(list) => list.length === 0} empty={t("webhook.none")}>
        {(list) => (
          <DataTable
            columns={webhookColumns(t, actions)}
            rows={list}
            rowKey={(webhook) => webhook.id}
            rowProps={(webhook) => ({ "data-webhook": webhook.id })}
          />
        )}
      </QueryView>
      {created.creating && <CreateWebhookDialog {...created.dialogProps} />}
      {created.secretDialog}
      {logOf && <DeliveryLog webhook={logOf} onClose={() => setLogOf(null)} />}
    </Card>
  );
}

/** The buttons of a webhook's row: its delivery log, pause or resume, delete after a confirmation; one change at a time. */
function useRowActions(showLog: (webhook: Webhook) => void): (webhook: Webhook) => ReactNode {
  const t = useT();
  const client = useTRPCClient();
  const toast = useToast();
  const refresh = useRefreshWebhooks();
  const act = useMutation({
    mutationFn: ({ webhook, action }: { webhook: Webhook; action: "pause" | "resume" | "delete" }) =>
      client.webhooks[action].mutate({ id: webhook.id }),
    onSuccess: refresh,
    onError: (error) => toast(errorMessage(error), "error"),
  });
  return (webhook) => (
    <>
      <Button variant="ghost" size="sm" onClick={() => showLog(webhook)}>
        {t("webhook.log")}
      </Button>
      <Button
        variant="ghost"
        size="sm"
        disabled={act.isPending}
        onClick={() => act.mutate({ webhook, action: webhook.status === "active" ? "pause" : "resume" })}
      >
        {webhook.status === "active" ? t("webhook.pause") : t("webhook.resume")}
      </Button>
      <Button
        variant="ghost"
        size="sm"
        className="text-red-700"
        disabled={act.isPending}
        onClick={() => window.confirm(t("webhook.deleteConfirm", { url: webhook.url })) && act.mutate({ webhook, action: "delete" })}
      >
        {t("webhook.delete")}
      </Button>
    </>
  );
}

function CreateWebhookDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (secret: string) => void }) {
  const t = useT();
  const client = useTRPCClient();
  const refresh = useRefreshWebhooks();
  // The shell shows a page only once the signed-in account is known, so the fallback is never offered.
  const myOrg = useMe().data?.org.id ?? "";
  const [orgId, setOrgId] = useState(myOrg);
  const [url, setUrl] = useState("https://");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>([...WEBHOOK_EVENT_TYPES]);
  const create = useMutation({
    mutationFn: () => client.webhooks.create.mutate({ orgId, url, events, description: description || null }),
    onSuccess: async (result) => {
      await refresh();
      onCreated(result.secret);
    },
  });
  const toggle = (type: WebhookEventType) =>
    setEvents((current) => (current.includes(type) ? current.filter((e) => e !== type) : [...current, type]));
  return (
    <FormDialog title={t("webhook.add")} onClose={onClose} {...submitsWith(create, events.length === 0)} submitLabel={t("webhook.add")}>
      <Field id="webhook-url" label={t("webhook.url")}>
        <Input id="webhook-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} required maxLength={2000} />
      </Field>
      <Field id="webhook-org" label={t("user.org")}>
        <OrgSelect id="webhook-org" value={orgId} onChange={setOrgId} />
      </Field>
      <fieldset>
        <legend className="mb-1 text-sm font-medium">{t("webhook.events")}</legend>
        <div className="grid grid-cols-2 gap-1 text-sm">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-2">
              <input type="checkbox" className="size-4" checked={events.includes(type)} onChange={() => toggle(type)} />
              {t(eventKey(type))}
            </label>
          ))}
        </div>
      </fieldset>
      <Field id="webhook-description" label={t("webhook.description")}>
        <Input id="webhook-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={200} />
      </Field>
    </FormDialog>
  );
}

function DeliveryLog({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const log = useQuery(trpc.webhooks.deliveries.queryOptions({ id: webhook.id, limit: 50 }));
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t("webhook.log")} description={webhook.url}>
      <QueryView query={log} isEmpty={(list) => list.length === 0} empty={t("webhook.logEmpty")}>
        {(list) => <DataTable columns={deliveryColumns(t)} rows={list} rowKey={(a) => `${a.eventId}-${a.attempt}`} />}
      </QueryView>
    </Dialog>
  );
}
