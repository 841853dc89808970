// Export side. (Being written.)
export {};
