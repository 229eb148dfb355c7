// The parts of `vcf` (node-vcf) we use; the package ships no types.
declare module 'vcf' {
  type JCardProperty = [name: string, parameters: Record<string, string | string[]>, type: string, ...values: unknown[]];
  class VCard {
    static fromJSON(jcard: ['vcard', JCardProperty[]]): VCard;
    toString(version?: '3.0' | '4.0', charset?: string): string;
  }
  export default VCard;
}
