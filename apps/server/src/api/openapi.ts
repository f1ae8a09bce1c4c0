// The REST API's OpenAPI document, served at /api/docs (UI) and /api/docs-json.
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('kubeaula API')
    .setDescription(
      'Versioned under /api/v1. Authenticated by the session cookie (writes then need the X-CSRF-Token header, from GET /api/v1/auth/csrf) or by a personal API token (Authorization: Bearer ka_...). Every error is {code, message, details?}.',
    )
    .setVersion('1')
    .addBearerAuth()
    .addCookieAuth('kubeaula_session')
    .build();
  const document = SwaggerModule.createDocument(app, config, { include: [] });
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
