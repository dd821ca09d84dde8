import type { Locator, Page } from 'playwright-core';

/** Clicks `button` until `opened` shows: a click that lands before the page is interactive does nothing. */
async function clickUntil(button: Locator, opened: Locator): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await button.click();
    const shown = await opened
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (shown) return;
  }
  throw new Error('the control opened nothing');
}

/** The console's member list (web-admin `/members`): search and open a member. */
export class MembersListPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(new URL('/members', baseUrl).toString());
    await this.page.getByTestId('members-filters').waitFor();
  }

  /** Types into the search box and submits the (plain GET) form; waits for the list under `?q=`. */
  async search(text: string): Promise<void> {
    await this.page.getByTestId('members-search').fill(text);
    await Promise.all([
      this.page.waitForURL((url) => url.searchParams.get('q') === text),
      this.page.getByTestId('members-search').press('Enter'),
    ]);
    await this.page.getByRole('table').waitFor();
  }

  rows(): Locator {
    return this.page.locator('[data-testid=member-row]');
  }

  /** Follows a member's name to their 360 page. */
  async open(displayName: string): Promise<MemberPage> {
    await Promise.all([
      this.page.waitForURL(/\/members\/[0-9a-f-]{36}$/),
      this.rows().filter({ hasText: displayName }).getByTestId('member-link').click(),
    ]);
    const member = new MemberPage(this.page);
    await member.ready();
    return member;
  }

  /** Picks a language in the header switcher (e.g. `ar`) and waits for the reloaded page. */
  async setLocale(locale: string): Promise<void> {
    await this.page.getByTestId('language-switcher').click();
    await this.page.locator(`.ant-select-item-option[data-locale="${locale}"]`).click();
    await this.page.waitForFunction((lang) => document.documentElement?.lang === lang, locale);
    await this.page.waitForLoadState('load');
  }
}

/** One member's 360 page (web-admin `/members/[id]`) as customer service uses it. */
export class MemberPage {
  constructor(readonly page: Page) {}

  /** Waits for the page to be interactive: the contact form says so once hydrated. */
  async ready(): Promise<void> {
    await this.page.getByTestId('member-profile').waitFor();
    await this.page.locator('[data-testid=contact-log-form][data-ready=true]').waitFor();
  }

  /** The profile section's text (display name, contact data, notes…). */
  async profileText(): Promise<string> {
    return (await this.page.getByTestId('member-profile').textContent()) ?? '';
  }

  /** Edit profile → change the given fields (`profile-<name>` inputs) → save; waits for the dialog to close. */
  async editProfile(fields: { givenName?: string; notes?: string }): Promise<void> {
    const dialog = this.page.locator('.ant-modal:visible').filter({ has: this.page.locator('#member-profile-form') });
    await clickUntil(this.page.getByTestId('member-edit-profile'), dialog);
    if (fields.givenName !== undefined) await dialog.getByTestId('profile-given-name').fill(fields.givenName);
    if (fields.notes !== undefined) await dialog.getByTestId('profile-notes').fill(fields.notes);
    await this.page.getByTestId('profile-save').click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Types a tag into the tags editor, presses Enter and saves; waits until the saved tags are the shown ones. */
  async addTag(tag: string): Promise<void> {
    const section = this.page.getByTestId('member-tags');
    await section.locator('.ant-select').click();
    await this.page.keyboard.type(tag);
    await this.page.keyboard.press('Enter');
    await section.locator('.ant-select-selection-item', { hasText: tag }).waitFor();
    await this.page.keyboard.press('Escape');
    const save = this.page.getByTestId('member-tags-save');
    await save.click();
    await this.page.waitForFunction(() => (document.querySelector('[data-testid=member-tags-save]') as HTMLButtonElement | null)?.disabled === true);
  }

  /** The tags the editor shows. */
  async tags(): Promise<string[]> {
    return (await this.page.getByTestId('member-tags').locator('.ant-select-selection-item').allTextContents()).map((t) => t.trim());
  }

  /** Log a contact: the form's channel stays CALL (its default); `followUpOn` is YYYY-MM-DD. */
  async logCall(summary: string, followUpOn?: string): Promise<void> {
    const before = await this.contactEntries().count();
    await this.page.getByTestId('contact-summary').fill(summary);
    if (followUpOn) await this.page.getByTestId('contact-follow-up').fill(followUpOn);
    await this.page.getByTestId('contact-log-submit').click();
    await this.contactEntries().nth(before).waitFor();
  }

  /** The contact log's entries, newest first. */
  contactEntries(): Locator {
    return this.page.locator('[data-testid=contact-entry]');
  }

  async goto(baseUrl: string, memberId: string): Promise<void> {
    await this.page.goto(new URL(`/members/${memberId}`, baseUrl).toString());
  }

  /** The purchase statistics section (components/members/statistics). */
  statistics(): Locator {
    return this.page.getByTestId('member-statistics');
  }

  /** Each currency's row of the statistics as its cells' texts, in column order. */
  async statisticsRows(): Promise<string[][]> {
    const rows = this.statistics().locator('tbody tr.ant-table-row');
    return Promise.all((await rows.all()).map((row) => row.locator('td').allInnerTexts()));
  }

  /** The empty state's text, when the member has no counted order. */
  async statisticsEmptyText(): Promise<string> {
    return this.statistics().locator('.ant-empty-description').innerText();
  }

  /** The contact log section's heading. */
  async contactLogTitle(): Promise<string> {
    return (await this.page.getByTestId('member-contact-log').locator('h2').textContent()) ?? '';
  }
}

/** The follow-ups due page (web-admin `/members/follow-ups`). */
export class FollowUpsPage {
  constructor(readonly page: Page) {}

  /** Opens it through the members section's tab, as staff would from the list. */
  async openFromTab(): Promise<void> {
    await Promise.all([this.page.waitForURL(/\/members\/follow-ups/), this.page.getByTestId('members-tab-followUps').click()]);
    await this.page.getByRole('table').waitFor();
  }

  /** The rows of one member's follow-ups. */
  rowsOf(memberId: string): Locator {
    return this.page.locator(`[data-testid=follow-up-row][data-member="${memberId}"]`);
  }

  /**
   * Marks a member's only follow-up done and waits for it to leave the list. A click before the
   * page is interactive does nothing; marking twice is harmless, so it clicks again.
   */
  async markDone(memberId: string): Promise<void> {
    const row = this.rowsOf(memberId);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      if ((await row.count()) === 0) return;
      await row.getByTestId('follow-up-done').click({ timeout: 5_000 }).catch(() => undefined);
      const gone = await row
        .waitFor({ state: 'detached', timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      if (gone) return;
    }
    throw new Error('the follow-up stayed in the list');
  }
}
