import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Keeps `next dev` from writing agent instruction files into the work tree.
  agentRules: false,
};

export default withNextIntl(nextConfig);
