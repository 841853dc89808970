/**
 * Messages of the API (the report rules' messages live in core): its own refusals and a text for every
 * reason the database refuses with. The texts are data (`messages.json`, zh-CN first, English on
 * request); the type check below makes sure every refusal reason has one.
 */
import type { DomainReason } from "@nianbao/db";
import catalogue from "./messages.json";

type Text = { zh: string; en: string };

export const MESSAGES = catalogue satisfies Record<string, Text> & Record<DomainReason, Text>;

export type MessageKey = keyof typeof MESSAGES;
