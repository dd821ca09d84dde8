/** The migrated database each test file clones (built once per run by global-setup). */
export const TEMPLATE_DB = 'shop_test_template';
