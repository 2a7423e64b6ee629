/**
 * Shared OpenAPI pieces: the app class with our validation hook, and common response shapes.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { issuesFromZod, validationError } from '../shared/index.js';
import type { Env } from './deps.js';

/** An OpenAPIHono whose request validation failures become our 400 problem+json. */
export const newRouter = () =>
  new OpenAPIHono<Env>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(issuesFromZod(result.error), 'invalid request');
    },
  });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), pointer: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export const problem = (description: string) => ({ content: { 'application/problem+json': { schema: ProblemSchema } }, description });

export const json = <S extends z.ZodType>(schema: S, description: string) => ({ content: { 'application/json': { schema } }, description });

export const bearerSecurity = [{ bearerAuth: [] }];
