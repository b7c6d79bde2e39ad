// Spreadsheet programs run a cell that starts with '=', '+', '-' or '@' as a formula
// (CSV/formula injection: '=HYPERLINK(…)' in a customer name). Tab and CR do the same
// after some programs trim them. A leading apostrophe makes the cell plain text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text as a spreadsheet cell that no program will run: risky text gets a leading '. */
export function escapeCellText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
