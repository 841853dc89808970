export * from "./catalog";
export { rulesFor, linearInstances, linearInstancesByRule, tablesWithoutRules } from "./applicable";
export { CellStatus, readCells, viewDocument, isValidCellValue, type CellReading } from "./reading";
export { evaluateLinear, compileLinear, MissingCellError, type LinearInstance, type CompiledTerm } from "./linear";
export { STATUTORY_DEADLINES, type Deadlines } from "./checks";
export { TEXT_FIGURES, findTextFigures, type TextFigure } from "./text-figures";
export { cellPath, type ValidationMode } from "./cells";
