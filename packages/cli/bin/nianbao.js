#!/usr/bin/env node
// The installed `nianbao` command: runs the TypeScript entry point through tsx's loader.
import { register } from "tsx/esm/api";

register();
await import("../src/bin.ts");
