/**
 * Every user-facing message of the core, in zh-CN and English. The texts are data (`messages.json`, one
 * entry per key, zh-CN first); this module gives them their types. Rule messages use the form's own
 * labels, passed in as parameters from the format definition.
 */
import catalogue from "./messages.json";

export const MESSAGES = catalogue satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;
