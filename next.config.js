/** @type {import('next').NextConfig} */
const nextConfig = {
  // Benchmarks build into their own folder so they never clobber the served build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: "5mb" },
  },
};

export default nextConfig;
