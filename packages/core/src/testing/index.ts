export { sampleReport, seededRandom, type SampleOptions } from "./sample";
export { catalogueProblems } from "./catalogue";
