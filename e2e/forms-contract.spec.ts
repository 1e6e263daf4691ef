// A refused submit keeps every typed value in every form; each error is beside its field.
import { formsContract } from "./support/forms-contract";

formsContract();
