// The sharing domain: plain functions over (db, now); no React or Next here.
export * from "./permissions";
export * from "./status";
export * from "./schedule";
export * from "./tokens";
export * from "./validation";
export { ShareConflictError, type Caller, type Conflict, type EventType } from "./internal";
export * from "./share-devices";
export * from "./lifecycle";
export * from "./manage-share";
export * from "./queries";
export * from "./share-details";
