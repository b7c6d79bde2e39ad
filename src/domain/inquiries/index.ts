export { classifyInquiry, confidenceOf, domainContradicts, isFreeMail } from './classifyInquiry';
export { PATTERN_RULES } from './inquiryRules';
export { INQUIRY_PLAYBOOKS, type InquiryPlaybook } from './playbooks';
export * from './types';
