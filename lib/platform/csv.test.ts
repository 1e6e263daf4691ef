import { describe, expect, it } from "vitest";
import { csvCell, csvDocument, csvLine, csvResponse } from "./csv";

describe("CSV writing", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(" padded ")).toBe('" padded "');
    expect(csvCell(null)).toBe("");
    expect(csvCell(42)).toBe("42");
  });

  it("neutralises formula injection in text cells", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("+1+1")).toBe("'+1+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    // Our own numbers stay numbers.
    expect(csvCell(-2)).toBe("-2");
  });

  it("builds lines and documents with CRLF and a BOM", () => {
    expect(csvLine(["a", "b,c"])).toBe('a,"b,c"\r\n');
    expect(csvDocument(["h1", "h2"], [["x", "y"]])).toBe("\uFEFFh1,h2\r\nx,y\r\n");
  });

  it("answers text/csv as an attachment with a safe file name", async () => {
    const res = csvResponse("a\r\n", 'bad"name\r\n.csv');
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="bad_name__.csv"');
    expect(await res.text()).toBe("a\r\n");
  });
});
