/**
 * JSX types for the Hearth elements in React 19. React 19 sets a custom element's known
 * properties as properties (so `config={{…}}` passes an object) and turns `on<event-name>`
 * props into listeners for that exact event name (`onhearth-coverage-result`).
 */
import type { DOMAttributes, HTMLAttributes, ReactNode, RefAttributes } from 'react';
import type { HearthEventDetailMap, HearthProvider } from '@hearth/core';
import type { HearthAssessment } from '@hearth/assessment';
import type { HearthCoverage } from '@hearth/coverage';
import type { HearthFaq, HearthFaqItem } from '@hearth/faq';
import type { HearthGuide } from '@hearth/guide';

/** `onhearth-lead-submitted={(e) => e.detail.leadId}`: every Hearth event, typed. */
type HearthEventProps = {
  [K in keyof HearthEventDetailMap as `on${K}`]?: (event: CustomEvent<HearthEventDetailMap[K]>) => void;
};

/** The element's own public properties (not HTMLElement's), plus React's usual props. */
type ElementProps<E extends HTMLElement> = Partial<Omit<E, keyof HTMLElement | 'hearthConfig' | 'updateComplete' | 'renderRoot'>> &
  Omit<HTMLAttributes<E>, keyof DOMAttributes<E>> &
  Pick<DOMAttributes<E>, 'onClick' | 'onFocus' | 'onBlur' | 'onKeyDown'> &
  RefAttributes<E> &
  HearthEventProps & { children?: ReactNode };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'hearth-provider': ElementProps<HearthProvider>;
      'hearth-assessment': ElementProps<HearthAssessment>;
      'hearth-coverage': ElementProps<HearthCoverage>;
      'hearth-faq': ElementProps<HearthFaq>;
      'hearth-faq-item': ElementProps<HearthFaqItem>;
      'hearth-guide': ElementProps<HearthGuide>;
    }
  }
}
