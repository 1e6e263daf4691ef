// The same form contract at 390 px (the phone project runs only e2e/phone/).
import { formsContract } from "../support/forms-contract";

formsContract();
