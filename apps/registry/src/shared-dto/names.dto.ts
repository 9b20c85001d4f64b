import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** A name in Kazakh, Russian and English; the domain requires at least Kazakh or Russian. */
export class MultilingualNameDto {
  @ApiPropertyOptional({ example: 'Қарағанды облыстық филиалы' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  kk?: string;

  @ApiPropertyOptional({ example: 'Карагандинский областной филиал' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  ru?: string;

  @ApiPropertyOptional({ example: 'Karaganda regional branch' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  en?: string;
}

/** As written in the identity document, in Cyrillic. */
export class PersonNameDto {
  @ApiProperty({ example: 'Тестов' })
  @IsString()
  @Length(1, 100)
  surname!: string;

  @ApiProperty({ example: 'Синтетик' })
  @IsString()
  @Length(1, 100)
  given!: string;

  @ApiPropertyOptional({ example: 'Тестұлы', description: 'Kazakh law allows none' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  patronymic?: string;
}

export class LatinNameDto {
  @ApiProperty({ example: 'Testov' })
  @IsString()
  @Length(1, 100)
  surname!: string;

  @ApiProperty({ example: 'Sintetik' })
  @IsString()
  @Length(1, 100)
  given!: string;

  @ApiPropertyOptional({ example: 'Testuly' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  patronymic?: string;
}
