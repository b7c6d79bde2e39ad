// The bucket edges as a person types them ("1, 5, 10, 20" in 万, or "10000, 50000" in 元)
// and as the API takes them (元, comma-separated). Only the decimal point moves: no floats.

export type EdgeUnit = 'wan' | 'yuan';

export type EdgesInputResult =
  | { ok: true; yuan: string }
  | { ok: false; problem: 'empty' | 'notANumber' | 'notIncreasing' | 'notPositive'; item?: string };

const NUMBER = /^(\d+)(?:\.(\d+))?$/;

/** '1.5' shifted 4 places → '15000'; '0.00001' → '0.1'. */
function shiftLeft(whole: string, fraction: string, places: number): string {
  const digits = whole + fraction.padEnd(places, '0');
  const point = whole.length + places;
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point).replace(/0+$/, '');
  return rest ? `${integer}.${rest}` : integer;
}

/** The typed edges in 元 for the API, checked the way the server checks them. */
export function edgesToYuan(text: string, unit: EdgeUnit): EdgesInputResult {
  const items = text
    .normalize('NFKC')
    .split(/[,，、;；\s]+/)
    .filter(Boolean);
  if (items.length === 0) return { ok: false, problem: 'empty' };
  const yuan: string[] = [];
  for (const item of items) {
    const match = NUMBER.exec(item);
    if (!match) return { ok: false, problem: 'notANumber', item };
    const [, whole = '', fraction = ''] = match;
    const value = unit === 'wan' ? shiftLeft(whole, fraction, 4) : shiftLeft(whole, fraction, 0);
    if (Number(value) <= 0) return { ok: false, problem: 'notPositive', item };
    const previous = yuan.at(-1);
    if (previous !== undefined && Number(value) <= Number(previous)) {
      return { ok: false, problem: 'notIncreasing', item };
    }
    yuan.push(value);
  }
  return { ok: true, yuan: yuan.join(',') };
}

/** The API's edges back as the form shows them: in 万 when each is a whole number of 元. */
export function edgesFromYuan(yuan: string): { text: string; unit: EdgeUnit } {
  const items = yuan.split(',').filter(Boolean);
  if (items.some((item) => !/^\d+$/.test(item))) return { text: items.join(', '), unit: 'yuan' };
  const wan = items.map((item) => {
    const padded = item.padStart(5, '0');
    const whole = padded.slice(0, -4).replace(/^0+(?=\d)/, '');
    const fraction = padded.slice(-4).replace(/0+$/, '');
    return fraction ? `${whole}.${fraction}` : whole;
  });
  return { text: wan.join(', '), unit: 'wan' };
}
