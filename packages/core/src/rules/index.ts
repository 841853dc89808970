export * from "./catalog";
export { CellStatus, readCells, viewDocument, isValidCellValue, type CellReading } from "./reading";
export { linearInstances, evaluateLinear, compileLinear, type LinearInstance, type CompiledTerm } from "./linear";
export { STATUTORY_DEADLINES, type Deadlines } from "./checks";
export { TEXT_FIGURES, findTextFigures, type TextFigure } from "./text-figures";
export { cellPath, type ValidationMode } from "./cells";
