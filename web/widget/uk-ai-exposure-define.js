// Registers <uk-ai-exposure> (once, even when several snippets load this file). Import the class from
// uk-ai-exposure.js instead to register it under another name.
import { UkAiExposureElement } from './uk-ai-exposure.js';

UkAiExposureElement.define();
