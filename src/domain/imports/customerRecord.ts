// One row of a customer list as a customer (and its first contact), or the reasons
// it cannot be one. Limits follow the customer and contact forms of the API.
import { unwrapCell } from './cellValue';
import type { CustomerField } from './fieldSynonyms';
import { cellProblem, optionalText, type RowProblem } from './rowProblems';

export interface ContactRecord {
  name: string;
  title: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
}

export interface CustomerRecord {
  name: string;
  industry: string | null;
  headcount: number | null;
  province: string | null;
  city: string | null;
  address: string | null;
  country: string | null;
  website: string | null;
  phone: string | null;
  email: string | null;
  source: string | null;
  tags: string[];
  owner: string | null;
  contact: ContactRecord | null;
}

export type CustomerRowResult =
  | { ok: true; record: CustomerRecord }
  | { ok: false; problems: RowProblem<CustomerField>[] };

type TextField = Exclude<CustomerField, 'headcount' | 'tags'>;

const TEXT_LIMITS: Record<TextField, number> = {
  name: 200,
  industry: 100,
  province: 50,
  city: 50,
  address: 300,
  country: 100,
  website: 300,
  phone: 50,
  email: 200,
  source: 100,
  owner: 200,
  contactName: 100,
  contactTitle: 100,
  contactPhone: 50,
  contactEmail: 200,
  contactWechat: 100,
};

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
const MAX_HEADCOUNT = 10_000_000;
// '120', '120人', '1,000人以上', '50-99人', '100~499' (a range counts as its lower end).
const HEADCOUNT = /^(\d[\d,]*)\s*(?:(?:-|~|至|到)\s*\d[\d,]*)?\s*(?:人|名)?\s*(?:以上|及以上|\+)?$/;
const TAG_SEPARATORS = /[,;、|]/;

/** Reads the mapped cells of one data row; every problem of the row is reported at once. */
export function readCustomerRow(
  cells: Partial<Record<CustomerField, unknown>>,
  columns: Partial<Record<CustomerField, string>>,
): CustomerRowResult {
  const problems: RowProblem<CustomerField>[] = [];
  const problem = (field: CustomerField, reason: string) =>
    problems.push(cellProblem(field, columns[field], cells[field], reason));

  const text = (field: TextField): string | null => {
    const value = optionalText(cells[field]);
    if (value !== null && value.length > TEXT_LIMITS[field]) {
      problem(field, `longer than ${TEXT_LIMITS[field]} characters`);
      return null;
    }
    return value;
  };
  const email = (field: 'email' | 'contactEmail'): string | null => {
    const value = text(field);
    if (value !== null && !EMAIL.test(value)) {
      problem(field, 'not an email address');
      return null;
    }
    return value;
  };

  const name = text('name');
  if (name === null && !problems.some((p) => p.field === 'name')) problem('name', 'empty');

  const headcount = readHeadcount(cells.headcount);
  if (headcount === 'invalid') problem('headcount', 'not a number of employees');

  const tagsText = optionalText(cells.tags);
  const tags = tagsText
    ? [
        ...new Set(
          tagsText
            .normalize('NFKC')
            .split(TAG_SEPARATORS)
            .map((tag) => tag.trim())
            .filter(Boolean),
        ),
      ]
    : [];
  if (tags.length > 30) problem('tags', 'more than 30 tags');
  else if (tags.some((tag) => tag.length > 50))
    problem('tags', 'a tag is longer than 50 characters');

  const contactName = text('contactName');
  const contactDetails = {
    title: text('contactTitle'),
    mobile: text('contactPhone'),
    email: email('contactEmail'),
    wechat: text('contactWechat'),
  };
  const hasDetails = Object.values(contactDetails).some((value) => value !== null);
  if (contactName === null && hasDetails) {
    problem('contactName', 'is empty, but the row has contact details');
  }

  const record = {
    industry: text('industry'),
    province: text('province'),
    city: text('city'),
    address: text('address'),
    country: text('country'),
    website: text('website'),
    phone: text('phone'),
    email: email('email'),
    source: text('source'),
    owner: text('owner'),
  };
  if (problems.length > 0 || name === null || headcount === 'invalid') {
    return { ok: false, problems };
  }
  return {
    ok: true,
    record: {
      name,
      ...record,
      headcount,
      tags,
      contact: contactName === null ? null : { name: contactName, ...contactDetails },
    },
  };
}

function readHeadcount(value: unknown): number | null | 'invalid' {
  const plain = unwrapCell(value);
  const text = optionalText(plain);
  if (text === null) return null;
  if (typeof plain === 'number') {
    return Number.isInteger(plain) && plain >= 0 && plain <= MAX_HEADCOUNT ? plain : 'invalid';
  }
  const match = HEADCOUNT.exec(text.normalize('NFKC').replace(/\s+/g, ''));
  if (!match?.[1]) return 'invalid';
  const count = Number(match[1].replaceAll(',', ''));
  return count <= MAX_HEADCOUNT ? count : 'invalid';
}
