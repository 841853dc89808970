// Import side: see README of the package. (Being written.)
export {};
