/**
 * The partner-facing reference of the `coverage` config section: merged into the JSON Schema
 * and docs/config.md at build time (see `ConfigDoc` in @hearth/core/schemas). Not bundled.
 */
import type { ConfigDoc } from '@hearth/core/schemas';

const selfPayPrice: ConfigDoc = { description: 'The self-pay price in US dollars, 0 or more.', examples: [1200] };
const selfPayUnit: ConfigDoc = {
  description: 'What the price is for: the whole "program", one "session", or a "month".',
  examples: ['program'],
};
const selfPayIncludes: ConfigDoc = {
  description: 'What the price covers, one line each (at most 20), shown as a list.',
  examples: [['Medical and psychiatric evaluation', 'Six guided sessions']],
  items: { description: 'One thing the price covers (at most 200 characters).' },
};

export const coverageConfigDocs: Readonly<Record<string, ConfigDoc>> = {
  coverage: {
    description:
      'Your coverage data for the insurance checker (`<hearth-coverage>`) and the assessment’s state question: the states you serve, the plans you take there, and what self-pay costs. Without it, the widgets use a demo dataset and log a console warning: set it before going live.',
    properties: {
      selfPay: {
        description: 'What paying without insurance costs, offered wherever insurance does not apply. A state may override it.',
        properties: { price: selfPayPrice, unit: selfPayUnit, includes: selfPayIncludes },
      },
      superbill: {
        description:
          'Whether you give out-of-network patients a superbill to claim reimbursement from their insurer; the result says so when true.',
        examples: [true],
      },
      states: {
        description:
          'The US states by USPS code (`TX`, `NM`, …). A state left out is not served and has no waitlist. A key that is not a state code is an error, since it would hide a state you serve.',
        examples: [{ TX: { served: true, payers: [{ id: 'bcbs-texas', name: 'Blue Cross and Blue Shield of Texas', network: 'in' }] } }],
        values: {
          description: 'What you offer to patients located in this state.',
          properties: {
            served: { description: 'Whether you treat patients located in this state.', examples: [true] },
            payers: {
              description: 'The plans a patient in this state can choose from, in display order.',
              items: {
                description: 'One insurance plan.',
                properties: {
                  id: {
                    description:
                      'A stable kebab-case id, unique within the state; sent with the lead. "self-pay", "unknown", "medicaid" and "medicare" are reserved.',
                    examples: ['bcbs-texas'],
                  },
                  name: { description: 'The name patients know the plan by.', examples: ['Blue Cross and Blue Shield of Texas'] },
                  network: {
                    description:
                      '"in" or "out" of network, or "varies" when it depends on the member’s plan and you verify it case by case.',
                    examples: ['in'],
                  },
                  notes: { description: 'A short note shown beside the plan.', examples: ['PPO plans only'] },
                },
              },
            },
            medicaid: { description: 'Whether you accept this state’s Medicaid.', examples: [false] },
            medicare: { description: 'Whether you accept Medicare for patients in this state.', examples: [false] },
            waitlist: {
              description: 'Whether patients in a state you do not serve yet may join a waitlist. Only meaningful when `served` is false.',
              examples: [true],
            },
            selfPay: {
              description: 'This state’s own self-pay offer; the keys left out are taken from the top-level `selfPay`.',
              properties: { price: selfPayPrice, unit: selfPayUnit, includes: selfPayIncludes },
            },
          },
        },
      },
    },
  },
};
