import type { Localized } from '../vocabulary';

/** Seed 002's three inquiry types: 行骗类, 宽泛类, 精准类. */
export const INQUIRY_CLASSES = ['scam', 'broad', 'precise'] as const;
export type InquiryClass = (typeof INQUIRY_CLASSES)[number];

export interface InquiryInput {
  /** Where it came from: email, website, alibaba, whatsapp, wechat, phone… */
  channel: string;
  subject?: string;
  body: string;
  senderName?: string;
  senderEmail?: string;
  company?: string;
  country?: string;
}

export type SignalCode =
  | 'free_mail_sender'
  | 'domain_mismatch'
  | 'fee_request'
  | 'money_transfer_service'
  | 'bank_details_request'
  | 'advance_payment_request'
  | 'phishing_link'
  | 'kickback_or_gift'
  | 'unsolicited_award'
  | 'urgency_pressure'
  | 'generic_salutation'
  | 'price_list_request'
  | 'vague_interest'
  | 'no_product_or_quantity'
  | 'clear_addressee'
  | 'model_number'
  | 'specification'
  | 'quantity'
  | 'incoterm'
  | 'delivery_terms'
  | 'target_price'
  | 'payment_terms'
  | 'quote_terms'
  | 'usage_context'
  | 'company_introduction'
  | 'contact_details';

export interface Signal {
  code: SignalCode;
  weight: number;
  class: InquiryClass;
  label: Localized;
  /** The text that matched; absent for signals about what is missing. */
  evidence?: string;
}

export interface InquiryTriage {
  classification: InquiryClass;
  /** 0..1, two decimals; 0.5 means the top two classes scored the same. */
  confidence: number;
  /** Every signal that fired, the chosen class's first, heaviest first. */
  signals: Signal[];
  scores: Record<InquiryClass, number>;
}
