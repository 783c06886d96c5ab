/** The error API lives in ./errors/ (the catalogue and the typed errors); this file keeps the old import path working. */
export * from "./errors/index.js";
