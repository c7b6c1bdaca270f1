export { CoreInputError as CoreInputErrorLike } from '../../../src/core/errors';
export { CLEANING_RULES } from '../../../src/core/text';
