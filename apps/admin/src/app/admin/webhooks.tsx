"use client";
/** Webhooks: register a receiver (the secret is shown once), see its state and deliveries, pause, resume, delete. */
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@nianbao/core/webhooks";
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
import { type MessageKey, useT } from "@/lib/i18n";
import { useMe } from "@/lib/session";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { errorMessage } from "@/trpc/errors";
import type { RouterOutputs } from "@/trpc/types";
import { FormError } from "./form-error";
import { OrgSelect } from "./users";

type Webhook = RouterOutputs["webhooks"]["list"][number];

const eventKey = (type: WebhookEventType) => `webhook.event.${type}` as MessageKey;
const time = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") : "—");

function StatusBadge({ webhook }: { webhook: Webhook }) {
  const t = useT();
  if (webhook.status === "active") return <Badge tone="green">{t("webhook.active")}</Badge>;
  return webhook.pausedReason === "failing" ? <Badge tone="red">{t("webhook.pausedFailing")}</Badge> : <Badge tone="gray">{t("webhook.pausedAdmin")}</Badge>;
}

export function WebhookList() {
  const t = useT();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const toast = useToast();
  const queryClient = useQueryClient();
  const webhooks = useQuery(trpc.webhooks.list.queryOptions({}));
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<Webhook | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.pathKey() });
  const act = useMutation({
    mutationFn: ({ webhook, action }: { webhook: Webhook; action: "pause" | "resume" | "delete" }) => client.webhooks[action].mutate({ id: webhook.id }),
    onSuccess: refresh,
    onError: (error) => toast(errorMessage(error), "error"),
  });
  return (
    <Card>
      <CardHeader title={t("admin.webhooks")} actions={<Button onClick={() => setCreating(true)}>{t("webhook.add")}</Button>} />
      <QueryView query={webhooks} isEmpty={(list) => list.length === 0} empty={t("webhook.none")}>
        {(list) => (
          <DataTable>
            <thead>
              <tr>
                <Th>{t("webhook.url")}</Th>
                <Th>{t("user.org")}</Th>
                <Th>{t("webhook.events")}</Th>
                <Th>{t("webhook.status")}</Th>
                <Th>{t("webhook.failures")}</Th>
                <Th>{t("webhook.pending")}</Th>
                <Th>{t("webhook.lastSuccess")}</Th>
                <Th>
                  <span className="sr-only">{t("webhook.log")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {list.map((webhook) => (
                <tr key={webhook.id} data-webhook={webhook.id}>
                  <Td className="max-w-72 truncate font-mono text-xs" title={webhook.url}>
                    {webhook.url}
                    {webhook.description && <div className="font-sans text-slate-500">{webhook.description}</div>}
                  </Td>
                  <Td>{webhook.orgName}</Td>
                  <Td className="text-xs">{webhook.events.map((e) => t(eventKey(e))).join("、")}</Td>
                  <Td>
                    <StatusBadge webhook={webhook} />
                  </Td>
                  <Td className="tabular">{webhook.consecutiveFailures}</Td>
                  <Td className="tabular">{webhook.pendingDeliveries}</Td>
                  <Td className="tabular">{time(webhook.lastSuccessAt)}</Td>
                  <Td className="space-x-1 text-right whitespace-nowrap">
                    <Button variant="ghost" size="sm" onClick={() => setLogOf(webhook)}>
                      {t("webhook.log")}
                    </Button>
                    <Button variant="ghost" size="sm" disabled={act.isPending} onClick={() => act.mutate({ webhook, action: webhook.status === "active" ? "pause" : "resume" })}>
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
                  </Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </QueryView>
      {creating && (
        <CreateWebhookDialog
          onClose={() => setCreating(false)}
          onCreated={(value) => {
            setCreating(false);
            setSecret(value);
            void refresh();
          }}
        />
      )}
      {secret && <SecretDialog secret={secret} onClose={() => setSecret(null)} />}
      {logOf && <DeliveryLog webhook={logOf} onClose={() => setLogOf(null)} />}
    </Card>
  );
}

function CreateWebhookDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (secret: string) => void }) {
  const t = useT();
  const client = useTRPCClient();
  const me = useMe().data!;
  const [orgId, setOrgId] = useState(me.org.id);
  const [url, setUrl] = useState("https://");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>([...WEBHOOK_EVENT_TYPES]);
  const create = useMutation({
    mutationFn: () => client.webhooks.create.mutate({ orgId, url, events, description: description || null }),
    onSuccess: (result) => onCreated(result.secret),
  });
  const toggle = (type: WebhookEventType) => setEvents((current) => (current.includes(type) ? current.filter((e) => e !== type) : [...current, type]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t("webhook.add")}>
      <form onSubmit={submit} className="space-y-3">
        <div>
          <Label htmlFor="webhook-url">{t("webhook.url")}</Label>
          <Input id="webhook-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} required maxLength={2000} />
        </div>
        <div>
          <Label htmlFor="webhook-org">{t("user.org")}</Label>
          <OrgSelect id="webhook-org" value={orgId} onChange={setOrgId} />
        </div>
        <fieldset>
          <legend className="mb-1 text-sm font-medium">{t("webhook.events")}</legend>
          <div className="grid grid-cols-2 gap-1 text-sm">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-2">
                <input type="checkbox" checked={events.includes(type)} onChange={() => toggle(type)} />
                {t(eventKey(type))}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <Label htmlFor="webhook-description">{t("webhook.description")}</Label>
          <Input id="webhook-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={200} />
        </div>
        <FormError error={create.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={create.isPending || events.length === 0}>
            {t("webhook.add")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function SecretDialog({ secret, onClose }: { secret: string; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t("webhook.secretTitle")} description={t("webhook.secretText")}>
      <Input readOnly value={secret} aria-label={t("webhook.secretTitle")} className="font-mono text-xs" onFocus={(e) => e.target.select()} />
      <div className="mt-4 flex justify-end">
        <Button onClick={onClose}>{t("common.close")}</Button>
      </div>
    </Dialog>
  );
}

function DeliveryLog({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const log = useQuery(trpc.webhooks.deliveries.queryOptions({ id: webhook.id, limit: 50 }));
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t("webhook.log")} description={webhook.url}>
      <QueryView query={log} isEmpty={(list) => list.length === 0} empty={t("webhook.logEmpty")}>
        {(list) => (
          <DataTable>
            <thead>
              <tr>
                <Th>{t("audit.at")}</Th>
                <Th>{t("webhook.events")}</Th>
                <Th>{t("webhook.answer")}</Th>
                <Th>{t("webhook.duration")}</Th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr key={`${a.eventId}-${a.attempt}`}>
                  <Td className="tabular">{time(a.at)}</Td>
                  <Td className="text-xs">
                    {t(eventKey(a.eventType as WebhookEventType))} · {t("webhook.attempt", { n: a.attempt })}
                  </Td>
                  <Td className="text-xs">
                    <Badge tone={a.ok ? "green" : "red"}>{a.responseStatus ?? t("webhook.noAnswer")}</Badge> {a.responseExcerpt}
                  </Td>
                  <Td className="tabular">{a.durationMs}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </QueryView>
    </Dialog>
  );
}
