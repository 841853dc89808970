export { sampleReport, seededRandom, type SampleOptions } from "./sample";
