// Vitest setupFiles: after each test file, its fresh databases are closed and removed.
import { afterAll } from "vitest";
import { closeFreshDbs } from "./fresh";

afterAll(closeFreshDbs);
