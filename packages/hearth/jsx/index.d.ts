// Generated from custom-elements.json by packages/hearth/jsx/generate.mjs (the build runs it): do not edit.
/**
 * JSX types of the Hearth elements for React 19: `import type {} from '@hearth/embed/jsx';` once
 * in the app. React 19 sets a custom element's known properties as properties (objects too, so
 * `config={{ … }}` on `<hearth-provider>` passes an object) and listens to `on<event-name>` props
 * by that exact event name (`onhearth-lead-submitted`). Each element takes its own properties,
 * typed by its class, and the events it documents; every Hearth event bubbles and is composed, so
 * any Hearth element also takes a handler for any Hearth event of the elements inside it.
 */
import type { DOMAttributes, HTMLAttributes, ReactNode, RefAttributes } from 'react';
import type { HearthAssessment } from '@hearth/assessment';
import type { HearthEventDetailMap, HearthProvider } from '@hearth/core';
import type { HearthCoverage } from '@hearth/coverage';
import type { HearthFaq, HearthFaqItem } from '@hearth/faq';
import type { HearthGuide } from '@hearth/guide';
import type { HearthLeadForm, HearthLeadNotice } from '@hearth/lead';

/** The event a handler receives: a CustomEvent whose `detail` is typed for Hearth's events. */
export type HearthJsxEvent<K extends string> = K extends keyof HearthEventDetailMap
  ? CustomEvent<HearthEventDetailMap[K]>
  : CustomEvent<unknown>;

/** A handler for every Hearth event (they bubble and are composed): `onhearth-lead-submitted`… */
export type HearthJsxEventProps = {
  [K in keyof HearthEventDetailMap as `on${K}`]?: (event: CustomEvent<HearthEventDetailMap[K]>) => void;
};

/** What every Hearth element takes: React's HTML attributes, a few DOM handlers, ref, children. */
export type HearthJsxBase<E extends HTMLElement> = Omit<HTMLAttributes<E>, keyof DOMAttributes<E>> &
  Pick<DOMAttributes<E>, 'onClick' | 'onFocus' | 'onBlur' | 'onKeyDown' | 'onKeyUp'> &
  RefAttributes<E> &
  HearthJsxEventProps & { children?: ReactNode };

/** `<hearth-assessment>`: The free PTSD self-assessment: the age question, a screen validated in English (PC-PTSD-5 or PCL-5), the PHQ-9 item 9 safety question, treatment history, the items a clinician reviews, the state of residence, results in plain words and a lead form, one question per screen (GOV.UK question pages). */
export type HearthAssessmentJsxProps = HearthJsxBase<HearthAssessment> &
  Partial<Pick<HearthAssessment, 'instrument' | 'content' | 'shareResult' | 'configJson' | 'endpoint'>> & {
    /** `{ instrument }`: the person pressed Start (or answered the first question when there is no intro). */
    'onhearth-assessment-start'?: (event: HearthJsxEvent<'hearth-assessment-start'>) => void;
    /** `{ step, stepNumber, stepCount }`: a configured step was reached. */
    'onhearth-assessment-step'?: (event: HearthJsxEvent<'hearth-assessment-step'>) => void;
    /** `{ instrument }` on reaching the results; adds `positive`, `urgent`, `candidacy` only with `share-result`. */
    'onhearth-assessment-complete'?: (event: HearthJsxEvent<'hearth-assessment-complete'>) => void;
    /** Cancelable, from the lead pipeline (see @hearth/core). */
    'onhearth-lead-submit'?: (event: HearthJsxEvent<'hearth-lead-submit'>) => void;
    /** The endpoint acknowledged the lead. */
    'onhearth-lead-submitted'?: (event: HearthJsxEvent<'hearth-lead-submitted'>) => void;
    /** Delivery failed. */
    'onhearth-lead-error'?: (event: HearthJsxEvent<'hearth-lead-error'>) => void;
    /** `{ status, kind, idempotencyKey? }` from the embedded `<hearth-lead-form>`. */
    'onhearth-lead-form-result'?: (event: HearthJsxEvent<'hearth-lead-form-result'>) => void;
  };

/** `<hearth-coverage>`: Tells a patient, in two questions and before they give any personal detail, whether the clinic can treat them in their state and what they would pay, then offers the fitting next step. */
export type HearthCoverageJsxProps = HearthJsxBase<HearthCoverage> &
  Partial<Pick<HearthCoverage, 'state' | 'assessmentHref' | 'configJson' | 'endpoint'>> & {
    /** The person reached a result. `detail`: `{ state, payerId, outcome }`, nothing else. */
    'onhearth-coverage-result'?: (event: HearthJsxEvent<'hearth-coverage-result'>) => void;
    /** "Start the free assessment" was pressed. `detail`: `{ widget: 'coverage', action: 'assessment', href }`. Cancelable: cancel it to stop the link navigating to `assessment-href`. */
    'onhearth-cta'?: (event: HearthJsxEvent<'hearth-cta'>) => void;
    /** Deprecated alias of `hearth-cta`, with `detail` `{ target: 'assessment' }`. Cancelable. */
    'onhearth-guide-cta'?: (event: HearthJsxEvent<'hearth-guide-cta'>) => void;
    /** From the embedded lead form (see `<hearth-lead-form>`). */
    'onhearth-lead-submit'?: (event: HearthJsxEvent<'hearth-lead-submit'>) => void;
    /** From the embedded lead form. */
    'onhearth-lead-submitted'?: (event: HearthJsxEvent<'hearth-lead-submitted'>) => void;
    /** From the embedded lead form. */
    'onhearth-lead-error'?: (event: HearthJsxEvent<'hearth-lead-error'>) => void;
  };

/** `<hearth-faq>`: Frequently asked questions as an accessible accordion: the default PTSD FAQ, a `src` Markdown file (one heading per question), or `<hearth-faq-item>` children written in the page. */
export type HearthFaqJsxProps = HearthJsxBase<HearthFaq> &
  Partial<Pick<HearthFaq, 'content' | 'src' | 'single' | 'headingLevel' | 'searchable' | 'noJsonLd' | 'configJson' | 'endpoint'>> & {
    /** A question opened or closed. `detail: { slug, open }`. */
    'onhearth-faq-toggle'?: (event: HearthJsxEvent<'hearth-faq-toggle'>) => void;
    /** The questions are shown. `detail: { count, lang, source }`. */
    'onhearth-faq-load'?: (event: HearthJsxEvent<'hearth-faq-load'>) => void;
  };

/** `<hearth-faq-item>`: One question of `<hearth-faq>`: a heading holding a button that shows or hides the answer (the WAI-ARIA accordion pattern). */
export type HearthFaqItemJsxProps = HearthJsxBase<HearthFaqItem> &
  Partial<Pick<HearthFaqItem, 'open' | 'question' | 'slug' | 'headingLevel' | 'configJson' | 'endpoint'>> & {
    /** The answer opened or closed. `detail: { slug, open }`. */
    'onhearth-faq-toggle'?: (event: HearthJsxEvent<'hearth-faq-toggle'>) => void;
  };

/** `<hearth-guide>`: A patient-education guide rendered from Markdown: the default PTSD guide, a `src` URL, or inline Markdown, with a table of contents, callouts, sources and a reviewed-by line. */
export type HearthGuideJsxProps = HearthJsxBase<HearthGuide> &
  Partial<Pick<HearthGuide, 'content' | 'src' | 'toc' | 'headingLevel' | 'showTitle' | 'markdown' | 'configJson' | 'endpoint'>> & {
    /** The content is shown. `detail: { sections, lang, source }`. */
    'onhearth-guide-load'?: (event: HearthJsxEvent<'hearth-guide-load'>) => void;
    /** The call to action (a link to `#hearth-assessment`) was used. Cancelable. `detail: { widget: 'guide', action: 'assessment', href }`. */
    'onhearth-cta'?: (event: HearthJsxEvent<'hearth-cta'>) => void;
    /** Deprecated alias of `hearth-cta`, with `detail: { target: 'assessment' }`; a listener that uses it logs one deprecation warning. */
    'onhearth-guide-cta'?: (event: HearthJsxEvent<'hearth-guide-cta'>) => void;
  };

/** `<hearth-lead-form>`: The lead form shared by every Hearth widget that hands a person over to a clinic: name, email, optional phone and preferred contact method, consent, and an honest report of what happened to the lead. */
export type HearthLeadFormJsxProps = HearthJsxBase<HearthLeadForm> &
  Partial<
    Pick<
      HearthLeadForm,
      | 'kind'
      | 'summary'
      | 'answers'
      | 'urgent'
      | 'state'
      | 'fields'
      | 'heading'
      | 'headingLevel'
      | 'submitLabel'
      | 'minFillTime'
      | 'startedAt'
      | 'widget'
      | 'hostConfig'
      | 'configJson'
      | 'endpoint'
    >
  > & {
    /** `{ status: 'sent' | 'queued' | 'failed' | 'blocked', kind, idempotencyKey?, leadId? }`. Cancelable (stops the redirect). */
    'onhearth-lead-form-result'?: (event: HearthJsxEvent<'hearth-lead-form-result'>) => void;
    /** From `sendLead()`, on the host widget. Cancelable: vetoes the submission. */
    'onhearth-lead-submit'?: (event: HearthJsxEvent<'hearth-lead-submit'>) => void;
    /** From `sendLead()`: the endpoint acknowledged the lead. */
    'onhearth-lead-submitted'?: (event: HearthJsxEvent<'hearth-lead-submitted'>) => void;
    /** From `sendLead()`: delivery failed. */
    'onhearth-lead-error'?: (event: HearthJsxEvent<'hearth-lead-error'>) => void;
    /** From the outbox: a lead told "saved" was later refused for good or expired; it is held on the device and `<hearth-lead-notice>` tells the person on their next page. `{ idempotencyKey, widget, reason: 'rejected' | 'expired', status? }`, no personal or health data. Dispatched here while the form is in the page, otherwise on `document`. */
    'onhearth-lead-rejected'?: (event: HearthJsxEvent<'hearth-lead-rejected'>) => void;
  };

/** `<hearth-lead-notice>`: Tells the person that a request saved on this device earlier could not be sent, how to reach the clinic, and lets them send it again or delete it. */
export type HearthLeadNoticeJsxProps = HearthJsxBase<HearthLeadNotice> &
  Partial<Pick<HearthLeadNotice, 'configJson' | 'endpoint'>> & {
    /** A held lead was sent again and acknowledged: `{ idempotencyKey, widget, leadId? }`. */
    'onhearth-lead-submitted'?: (event: HearthJsxEvent<'hearth-lead-submitted'>) => void;
    /** Sending it again failed (it stays held): `{ idempotencyKey, widget, code, retrying: false, status? }`. */
    'onhearth-lead-error'?: (event: HearthJsxEvent<'hearth-lead-error'>) => void;
  };

/** `<hearth-provider>`: Supplies white-label config (brand, copy, endpoint, coverage…) to every Hearth widget inside it. */
export type HearthProviderJsxProps = HearthJsxBase<HearthProvider> &
  Partial<Pick<HearthProvider, 'config' | 'configSrc'>> & {
    /** The config is invalid; `detail.message` says which field and why. */
    'onhearth-config-error'?: (event: HearthJsxEvent<'hearth-config-error'>) => void;
  };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'hearth-assessment': HearthAssessmentJsxProps;
      'hearth-coverage': HearthCoverageJsxProps;
      'hearth-faq': HearthFaqJsxProps;
      'hearth-faq-item': HearthFaqItemJsxProps;
      'hearth-guide': HearthGuideJsxProps;
      'hearth-lead-form': HearthLeadFormJsxProps;
      'hearth-lead-notice': HearthLeadNoticeJsxProps;
      'hearth-provider': HearthProviderJsxProps;
    }
  }
}
