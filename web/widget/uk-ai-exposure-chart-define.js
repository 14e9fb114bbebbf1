// Registers <uk-ai-exposure-chart> (once, even when several snippets load this file). Import the class from
// uk-ai-exposure-chart.js instead to register it under another name.
import { UkAiExposureChartElement } from './uk-ai-exposure-chart.js';

UkAiExposureChartElement.define();
