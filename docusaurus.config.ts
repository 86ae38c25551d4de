import { themes as prismThemes } from 'prism-react-renderer';
import type { Config, Plugin } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import type { PluginOptions as SearchOptions } from '@easyops-cn/docusaurus-search-local';
import { withReadableTokens } from './src/theme/prism-contrast';
import { checkCatalogue } from './checks/core/catalogue';
import { TOOL_VERSION } from './checks/core/version';

/**
 * Teams Bot Flow site.
 *
 * Rules that keep the site honest:
 * - Broken links, broken anchors and broken Markdown links or images fail the build.
 * - Nothing is fetched from a third party at run time (no web fonts, CDN, analytics):
 *   the browser tests fail on any failed request, and readers may be offline.
 * - There is no public deployment yet, so `url` is the local development server.
 */
/**
 * package.json says `"type": "module"`, which trips up two things in the Docusaurus build:
 * - the bundler would parse the generated `.docusaurus/*.js` files as strict ES modules and leave
 *   their `require.resolveWeak(...)` calls untranslated ("require.resolveWeak is not a function");
 *   marking them `javascript/auto` restores its CommonJS handling;
 * - the server bundle's chunks are CommonJS, but Node would load a `.js` chunk as an ES module
 *   ("exports is not defined in ES module scope"); naming them `.cjs` settles it.
 */
function esmPackageCompat(context: { generatedFilesDir: string }): Plugin {
  return {
    name: 'esm-package-compat',
    configureWebpack(_config, isServer) {
      return {
        module: {
          rules: [{ test: /\.js$/, include: [context.generatedFilesDir], type: 'javascript/auto' }],
        },
        ...(isServer ? { output: { chunkFilename: 'assets/js/[name].[contenthash:8].cjs' } } : {}),
      };
    },
  };
}

const config: Config = {
  title: 'Teams Bot Flow',
  tagline: 'How traffic flows between Microsoft Teams and your bot, and live checks for your own bot',
  favicon: 'img/favicon.svg',

  url: 'http://localhost:3000',
  baseUrl: '/',
  trailingSlash: undefined,

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',

  future: {
    v4: true,
    faster: true,
  },

  i18n: {
    defaultLocale: 'en',
    locales: ['en'],
  },

  markdown: {
    mermaid: true,
    hooks: {
      onBrokenMarkdownLinks: 'throw',
      onBrokenMarkdownImages: 'throw',
    },
  },

  plugins: [esmPackageCompat, './plugins/api-dev/index.ts'],

  // The check catalogue (every rule's meta), read by the check pages and the catalogue table.
  customFields: {
    checks: checkCatalogue,
    // Printed pages carry it (src/components/PrintStamp).
    toolVersion: TOOL_VERSION,
  },

  themes: [
    '@docusaurus/theme-mermaid',
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        indexBlog: false,
        indexPages: false,
        docsRouteBasePath: '/docs',
        language: ['en'],
        highlightSearchTermsOnTargetPage: false,
        explicitSearchResultPath: true,
        searchResultLimits: 10,
      } satisfies Partial<SearchOptions>,
    ],
  ],

  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.ts',
          showLastUpdateTime: false,
        },
        blog: false,
        theme: {
          customCss: './src/css/custom.css',
        },
      } satisfies Preset.Options,
    ],
  ],

  themeConfig: {
    image: 'img/social-card.png',
    metadata: [
      { name: 'description', content: 'Reference design for Microsoft Teams bots: the data flow hop by hop, network and residency guidance, and self-checks for your own bot.' },
    ],
    colorMode: {
      defaultMode: 'light',
      respectPrefersColorScheme: true,
    },
    navbar: {
      title: 'Teams Bot Flow',
      logo: {
        alt: 'Teams Bot Flow logo',
        src: 'img/logo.svg',
      },
      items: [
        { type: 'docSidebar', sidebarId: 'docs', position: 'left', label: 'Docs' },
        { to: '/docs/architecture', label: 'Architecture', position: 'left' },
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Reference',
          items: [{ label: 'Architecture and data flow', to: '/docs/architecture' }],
        },
        {
          title: 'Microsoft sources',
          items: [
            { label: 'Bot communication flow (Microsoft Learn)', href: 'https://learn.microsoft.com/microsoftteams/platform/bots/communication-flow' },
            { label: 'Bot Framework SDK for JavaScript', href: 'https://github.com/microsoft/botbuilder-js' },
          ],
        },
      ],
      copyright: 'Teams Bot Flow. Not affiliated with Microsoft. Facts link to their public sources.',
    },
    prism: {
      // Stock themes colour comments below 4.5:1; the helper lifts every token to AA contrast.
      theme: withReadableTokens(prismThemes.github),
      darkTheme: withReadableTokens(prismThemes.dracula),
      additionalLanguages: ['bash', 'json'],
    },
    mermaid: {
      theme: { light: 'neutral', dark: 'dark' },
      // Compact spacing, so the diagrams (drawn top to bottom, or split) fit the text column at
      // 1280 px without being scaled below the page's small print (the browser tests measure it).
      options: {
        flowchart: { rankSpacing: 40, nodeSpacing: 40 },
        sequence: { width: 100, actorMargin: 30, diagramMarginX: 8 },
      },
    },
    tableOfContents: {
      minHeadingLevel: 2,
      maxHeadingLevel: 3,
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
