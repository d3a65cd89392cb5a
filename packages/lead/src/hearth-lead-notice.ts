import { css, html, nothing, type TemplateResult } from 'lit';
import { HearthElement, baseStyles, buttonStyles, crisisLines, registerTranslations, token } from '@hearth/core';
import { Outbox, type HeldLead } from './outbox.js';
import en from './translations/notice.en.json' with { type: 'json' };

registerTranslations('lead-notice', en, { es: () => import('./translations/notice.es.json', { with: { type: 'json' } }) });

type Phase = 'idle' | 'sending' | 'sent' | 'failed' | 'dismissed';

/**
 * @summary Tells the person that a request saved on this device earlier could not be sent, how
 * to reach the clinic, and lets them send it again or delete it.
 *
 * A lead the person was told was saved, that the endpoint then refused for good or that expired,
 * is held on the device (see `Outbox`). The next page of the site with any Hearth widget inserts
 * this notice just before that widget (`showHeldLeads()`; a host may place one itself). It is
 * loaded only when the device holds such a lead.
 *
 * - Says plainly that the clinic does not have the request, and gives the clinic's phone
 *   (`brand.phone`) as a `tel:` link; when the lead was urgent, the crisis lines (988) too.
 * - "Try sending again" sends each held lead once more (same key, same body), for a site that
 *   has since fixed its endpoint: on success it says "Sent" and the lead leaves the device.
 * - "Dismiss" deletes the held leads (and the contact details in them) from the device.
 * - It never takes focus on its own: a polite live region announces it once. After a button
 *   press, focus moves to the outcome message, because the buttons go away.
 *
 * @event hearth-lead-submitted - A held lead was sent again and acknowledged: `{ idempotencyKey, widget, leadId? }`.
 * @event hearth-lead-error - Sending it again failed (it stays held): `{ idempotencyKey, widget, code, retrying: false, status? }`.
 *
 * @csspart base - The notice.
 * @csspart actions - The row of buttons.
 *
 * @cssproperty --hearth-lead-notice-border - The notice's border colour (defaults to `--hearth-color-danger`).
 */
export class HearthLeadNotice extends HearthElement {
  static override i18nNamespaces = ['lead-notice', 'core'];
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      .notice {
        border: 2px solid var(--hearth-lead-notice-border, ${token('--hearth-color-danger')});
        border-left-width: 8px;
        border-radius: ${token('--hearth-radius')};
        padding: ${token('--hearth-space-m')};
        margin: 0 0 ${token('--hearth-space-l')};
        background: ${token('--hearth-color-background')};
      }
      .notice p {
        margin: 0 0 ${token('--hearth-space-s')};
      }
      .title {
        font-size: 1.125em;
        font-weight: 700;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('--hearth-space-s')};
        margin: 0 0 ${token('--hearth-space-s')};
      }
      .status:focus {
        outline: none;
      }
    `,
  ];

  static override properties = {
    ...HearthElement.properties,
    leads: { state: true },
    phase: { state: true },
    announced: { state: true },
  };

  declare leads: HeldLead[];
  declare phase: Phase;
  declare announced: boolean;

  constructor() {
    super();
    this.leads = [];
    this.phase = 'idle';
    this.announced = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Leads given before connection (Storybook's stories) are shown as given.
    if (this.leads.length) return;
    void Outbox.shared()
      .held()
      .then((leads) => {
        if (this.phase === 'idle') this.leads = leads;
      });
  }

  protected override updated(): void {
    // The live region exists empty first, then gets its text: screen readers announce it once.
    if (this.leads.length && !this.announced) requestAnimationFrame(() => (this.announced = true));
  }

  #handleRetry = async (): Promise<void> => {
    this.phase = 'sending';
    const outbox = Outbox.shared();
    let allSent = true;
    for (const lead of this.leads) {
      const delivery = await outbox.retryHeld(lead.idempotencyKey, { source: this });
      if (delivery.status !== 'sent') allSent = false;
    }
    this.leads = await outbox.held();
    await this.#settle(allSent && !this.leads.length ? 'sent' : 'failed');
  };

  #handleDismiss = async (): Promise<void> => {
    const outbox = Outbox.shared();
    for (const lead of this.leads) await outbox.dismiss(lead.idempotencyKey);
    await this.#settle('dismissed');
  };

  async #settle(phase: Phase): Promise<void> {
    this.phase = phase;
    await this.updateComplete;
    // The button that had focus is gone (or disabled): focus the outcome, never the page top.
    if (phase !== 'failed') this.renderRoot.querySelector<HTMLElement>('.status')?.focus();
  }

  protected renderContent(): unknown {
    const config = this.hearthConfig;
    if (!config || (!this.leads.length && this.phase === 'idle')) return nothing;
    const t = (key: string, options?: Record<string, unknown>) => this.localize.t(key, options);
    const brand = config.brand.name;
    const done = this.phase === 'sent' || this.phase === 'dismissed';
    const status = this.phase === 'idle' ? '' : t(this.phase === 'failed' ? 'stillFailed' : this.phase, { brand });
    return html`<section class="notice" part="base" aria-labelledby="notice-title">
      <p class="title" id="notice-title">${t('title', { count: Math.max(1, this.leads.length) })}</p>
      ${done ? nothing : this.#renderHelp(config.brand.phone, brand)}
      <p class="status" role="status" tabindex="-1">
        ${status || html`<span class="visually-hidden">${this.announced ? t('title', { count: this.leads.length }) : ''}</span>`}
      </p>
    </section>`;
  }

  #renderHelp(phone: string | undefined, brand: string): TemplateResult {
    const t = (key: string, options?: Record<string, unknown>) => this.localize.t(key, options);
    const sending = this.phase === 'sending';
    const reason = this.leads.some((l) => l.reason === 'rejected') ? 'rejected' : 'expired';
    return html`<p>${t(reason, { brand })}</p>
      ${this.leads.some((l) => l.urgent) ? crisisLines(t) : nothing}
      <p>${phone ? html`${t('call', { brand })} <a href="tel:${phone.replace(/[^\d+]/g, '')}">${phone}</a>.` : t('contact', { brand })}</p>
      <div class="actions" part="actions">
        <button class="button" type="button" aria-disabled=${sending ? 'true' : 'false'} @click=${sending ? null : this.#handleRetry}>
          ${t('retry')}
        </button>
        <button
          class="button button--secondary"
          type="button"
          aria-describedby="dismiss-hint"
          @click=${sending ? null : this.#handleDismiss}
        >
          ${t('dismiss')}
        </button>
      </div>
      <p id="dismiss-hint">${t('dismissHint')}</p>`;
  }
}
