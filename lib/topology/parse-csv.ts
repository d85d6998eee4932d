// A small RFC 4180 reader: comma separated, "quoted" fields may hold commas, doubled quotes and line
// breaks; CRLF or LF; a leading BOM (spreadsheet exports) is dropped. Each record keeps the line it
// starts on, so errors can point at the line a person sees in their editor. Blank lines are skipped.
export type TCsvRecord = { line: number; fields: string[] };

export function parseCsv(input: string): TCsvRecord[] {
  const source = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const records: TCsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let startLine = 1;
  let isQuoted = false;
  let wasQuoted = false;

  const endField = () => {
    fields.push(wasQuoted ? field : field.trim());
    field = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (fields.length > 1 || fields[0] !== "") records.push({ line: startLine, fields });
    fields = [];
  };

  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (isQuoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') {
        isQuoted = false;
      } else {
        if (char === "\n") line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && field.trim() === "") {
      isQuoted = true;
      wasQuoted = true;
      field = "";
    } else if (char === ",") {
      endField();
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[index + 1] === "\n") index++;
      endRecord();
      line++;
      startLine = line;
    } else {
      field += char;
    }
  }
  endRecord();
  return records;
}
