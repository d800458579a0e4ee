//! What the IIN and the BIN share as types: a checked string of twelve digits, shown and
//! written as those digits and read back only through the type's own `parse`.

/// The methods and trait impls of a twelve-digit number newtype `$name(String)` whose
/// `$name::parse(&str) -> Result<$name, NumberError>` checks it; `$label` names the number
/// in a deserialization error.
macro_rules! twelve_digits {
    ($name:ident, $label:literal) => {
        impl $name {
            /// The twelve digits.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The digit at `i` (from 0); 0 past the end, which a parsed number never has.
            fn digit(&self, i: usize) -> u8 {
                self.0.as_bytes().get(i).map_or(0, |b| b - b'0')
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        // Through `parse`, so that a file or a request can never hold an unchecked number.
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                let text = <String as ::serde::Deserialize>::deserialize(deserializer)?;
                $name::parse(&text).map_err(|e| {
                    ::serde::de::Error::custom(format!(concat!($label, " {}: {}"), text, e))
                })
            }
        }
    };
}
