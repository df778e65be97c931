// What the model's glue uses of src/llm at run time (part of dist/engine.js).
export { claimAt, draftOffers, draftTarget } from '../llm/brief';
export { draftText, requestDraft } from '../llm/draft';
export { describeEndpoint } from '../llm/errors';
export { placeReview, requestReview, reviewPassages } from '../llm/review';
export { verificationProblems, verifyDraft } from '../llm/verify';
