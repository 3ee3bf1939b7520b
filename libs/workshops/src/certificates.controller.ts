import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@pendamping/platform';
import { CertificatesService } from './certificates.service';
import { CertificateVerification } from './workshop.views';

@ApiTags('certificates')
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Public()
  @Get(':number')
  @ApiOperation({
    operationId: 'verifyCertificate',
    summary: 'Is this certificate genuine? By the number printed on it, e.g. PDP-2026-7K3M9QXT; no sign-in (the web app\'s public page /certificates/:number)',
  })
  @ApiOkResponse({ type: CertificateVerification })
  @ApiNotFoundResponse({ description: 'no certificate with this number' })
  verify(@Param('number') number: string): Promise<CertificateVerification> {
    return this.certificates.verify(number);
  }
}
