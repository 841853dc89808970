/**
 * @nianbao/documents — reading reports from the files agencies have (Word, PDF, HTML, Excel, text)
 * and writing them in the official layout (Word, HTML, Excel, Markdown, CSV, JSON).
 */
export * from "./import/index";
export * from "./export/index";
