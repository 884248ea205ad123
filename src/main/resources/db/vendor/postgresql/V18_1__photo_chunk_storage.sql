-- Ciphertext does not compress: PostgreSQL stores the chunks out of line without trying to.
ALTER TABLE photo_chunk ALTER COLUMN bytes SET STORAGE EXTERNAL;
